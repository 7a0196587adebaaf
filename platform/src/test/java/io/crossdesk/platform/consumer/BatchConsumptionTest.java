package io.crossdesk.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerTierChanged;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer's batch handling against the real store, with records as the listener container
 * hands them over; redeliveries are the container's, re-enacted by handing the same records again.
 */
class BatchConsumptionTest {

  private static MongoClient client;
  private static MongoTemplate mongo;

  private final Events events = new Events(JsonMapper.builder().build(), "test", Clock.systemUTC());
  private final IdempotentConsumer consumer =
      new IdempotentConsumer(mongo, events, new SimpleMeterRegistry(), Clock.systemUTC());
  private final List<String> effects = new ArrayList<>();

  @BeforeAll
  static void store() {
    String database = "batch-" + UUID.randomUUID();
    client = MongoClients.create(TestInfrastructure.get().mongoUri(database));
    mongo = new MongoTemplate(client, database);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void a_whole_batch_delivered_again_is_handled_once_by_the_ledger() {
    EventHandlers handlers =
        EventHandlers.reading()
            .once(CustomerRegistered.class, (id, customer) -> effects.add(customer.name()));
    List<ConsumerRecord<String, String>> batch =
        records(registered("Ada"), registered("Grace"), registered("Edsger"));

    consumer.handle("ledger-" + UUID.randomUUID(), batch, handlers);
    String again = "ledger-again-" + UUID.randomUUID();
    consumer.handle(again, batch, handlers);
    consumer.handle(again, batch, handlers);

    assertThat(effects).containsExactly("Ada", "Grace", "Edsger", "Ada", "Grace", "Edsger");
  }

  @Test
  void runs_of_one_type_reach_a_bulk_handler_together_and_each_key_keeps_its_order() {
    List<List<String>> runs = new ArrayList<>();
    EventHandlers handlers =
        EventHandlers.reading()
            .onBatch(
                CustomerRegistered.class,
                run -> runs.add(run.stream().map(one -> one.data().name()).toList()))
            .on(CustomerTierChanged.class, changed -> runs.add(List.of("tier " + changed.to())));

    consumer.handle(
        "bulk",
        records(
            registered("Ada"),
            registered("Grace"),
            tierChanged("A"),
            registered("Alan"),
            registeredAs("c-1", "Barbara")),
        handlers);

    // Alan joins the first run; Barbara's customer changed tier before she registered again.
    assertThat(runs)
        .containsExactly(List.of("Ada", "Grace", "Alan"), List.of("tier A"), List.of("Barbara"));
  }

  @Test
  void a_failure_after_events_handled_ahead_of_their_turn_still_names_its_record_and_loses_none() {
    // Grouped, the poison (2) fails in the first run, before the tier change (1) had its turn.
    assertFailsAtThePoisonHavingHandledAdaAndTheTierChange(
        "ahead",
        records(registered("Ada"), tierChanged("A"), registered("poison"), registered("Alan")));
  }

  @Test
  void a_batch_of_several_partitions_fails_at_the_record_that_failed_and_handles_those_before_it() {
    // One consumer takes all of an instance's partitions (a gathering listener): a poll brings
    // each partition's records in order, one partition after the other.
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    batch.addAll(recordsIn(0, registered("Ada"), tierChanged("A")));
    batch.addAll(recordsIn(1, registered("poison"), registered("Alan")));
    assertFailsAtThePoisonHavingHandledAdaAndTheTierChange("partitions", batch);
  }

  /**
   * Registrations written in bulk, tier changes one at a time: the batch (Ada, the tier change, the
   * poison third, then more) fails naming the poison's record, and the container, which commits the
   * records before it, may: each of them was handled.
   */
  private void assertFailsAtThePoisonHavingHandledAdaAndTheTierChange(
      String consumerName, List<ConsumerRecord<String, String>> batch) {
    List<String> handled = new ArrayList<>();
    EventHandlers handlers =
        EventHandlers.reading()
            .onBatch(
                CustomerRegistered.class, failingOnPoison(one -> handled.add(one.data().name())))
            .on(CustomerTierChanged.class, changed -> handled.add("tier " + changed.to()));

    assertThatThrownBy(() -> consumer.handle(consumerName, batch, handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> assertThat(failed.getRecord()).isSameAs(batch.get(2)))
        .hasRootCauseMessage("cannot write poison");
    assertThat(handled).contains("Ada", "tier A");
  }

  @Test
  void a_failing_bulk_is_handed_over_one_event_at_a_time_and_the_failing_record_is_named() {
    Set<String> written = ConcurrentHashMap.newKeySet();
    EventHandlers handlers =
        EventHandlers.reading()
            .onBatch(
                CustomerRegistered.class,
                // keyed by the event: written again, it stays one entry
                failingOnPoison(one -> written.add(one.eventId() + " " + one.data().name())));
    List<ConsumerRecord<String, String>> batch =
        records(registered("Ada"), registered("Grace"), registered("poison"), registered("Alan"));

    assertThatThrownBy(() -> consumer.handle("bulk-failure", batch, handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> assertThat(failed.getRecord()).isSameAs(batch.get(2)))
        .hasRootCauseMessage("cannot write poison");
    assertThat(written).hasSize(2).allMatch(entry -> !entry.endsWith("Alan"));
  }

  @Test
  void a_record_violating_its_contract_fails_alone_after_the_events_before_it() {
    EventHandlers handlers =
        EventHandlers.reading().on(CustomerRegistered.class, customer -> effects.add("handled"));
    EventMessage valid = registered("Ada");
    EventMessage invalid =
        new EventMessage(
            UUID.randomUUID().toString(),
            "/test",
            valid.type(),
            "c-1",
            Instant.now(),
            null,
            valid.topic(),
            "c-1",
            "{\"customerId\":\"c-1\"}");
    List<ConsumerRecord<String, String>> batch = records(valid, invalid, registered("Grace"));

    assertThatThrownBy(() -> consumer.handle("invalid", batch, handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> assertThat(failed.getRecord()).isSameAs(batch.get(1)))
        .hasCauseInstanceOf(InvalidEventException.class);
    assertThat(effects).containsExactly("handled");
  }

  @Test
  void a_refused_failure_becomes_an_invalid_event_and_others_stay_as_thrown() {
    EventHandlers handlers =
        EventHandlers.reading()
            .on(
                CustomerRegistered.class,
                customer -> {
                  throw customer.name().equals("illegal")
                      ? new IllegalStateException("an illegal move")
                      : new IllegalArgumentException("the store is down");
                })
            .refusing(IllegalStateException.class);

    assertThatThrownBy(
            () -> consumer.handle("refusing", records(registered("illegal")).get(0), handlers))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("an illegal move");
    assertThatThrownBy(
            () -> consumer.handle("refusing", records(registered("other")).get(0), handlers))
        .isExactlyInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_consumer_of_declared_types_only_rejects_any_other_type_as_invalid() {
    EventHandlers handlers =
        EventHandlers.reading()
            .onEvent(CustomerRegistered.class, one -> effects.add(one.event().source()))
            .rejectingOtherTypes();
    List<ConsumerRecord<String, String>> batch = records(registered("Ada"), tierChanged("A"));

    assertThatThrownBy(() -> consumer.handle("declared-only", batch, handlers))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            failed -> assertThat(failed.getRecord()).isSameAs(batch.get(1)))
        .cause()
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("crossdesk.customer.tier-changed.v1");
    assertThat(effects).containsExactly("/crossdesk/test");
  }

  @Test
  void a_type_the_consumer_does_not_want_at_the_moment_is_passed_over_before_it_is_read() {
    Set<String> wanted = ConcurrentHashMap.newKeySet();
    EventHandlers handlers =
        EventHandlers.reading()
            .on(CustomerRegistered.class, customer -> effects.add(customer.name()))
            .wanting(wanted::contains);
    EventMessage valid = registered("Ada");
    EventMessage violating =
        new EventMessage(
            UUID.randomUUID().toString(),
            "/test",
            valid.type(),
            "c-1",
            Instant.now(),
            null,
            valid.topic(),
            "c-1",
            "{\"customerId\":\"c-1\"}");

    consumer.handle("wanting", records(valid, violating), handlers);
    wanted.add(valid.type());
    consumer.handle("wanting", records(registered("Grace")), handlers);

    assertThat(effects).containsExactly("Grace");
  }

  /** A bulk handler that writes each registration and fails at the one named "poison". */
  private static Consumer<List<Delivered<CustomerRegistered>>> failingOnPoison(
      Consumer<Delivered<CustomerRegistered>> write) {
    return run -> {
      for (Delivered<CustomerRegistered> one : run) {
        if (one.data().name().equals("poison")) {
          throw new IllegalStateException("cannot write poison");
        }
        write.accept(one);
      }
    };
  }

  private EventMessage registered(String name) {
    return registeredAs("c-" + UUID.randomUUID(), name);
  }

  private EventMessage registeredAs(String id, String name) {
    return events.create(
        id,
        new CustomerRegistered(
            id, name, "INDIVIDUAL", "B", "+1 555 0100", "x@example.com", Instant.now()));
  }

  private EventMessage tierChanged(String to) {
    return events.create(
        "c-1",
        new CustomerTierChanged(
            "c-1", 2, "B", to, "key account", "MANUAL", 1, "agent", Instant.now()));
  }

  private static List<ConsumerRecord<String, String>> records(EventMessage... messages) {
    return recordsIn(0, messages);
  }

  /** The messages as one partition's records, from offset 0. */
  private static List<ConsumerRecord<String, String>> recordsIn(
      int partition, EventMessage... messages) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (EventMessage message : messages) {
      ProducerRecord<String, String> sent = CloudEventsBinding.toRecord(message);
      records.add(
          new ConsumerRecord<>(
              sent.topic(),
              partition,
              records.size(),
              0L,
              TimestampType.CREATE_TIME,
              0,
              0,
              sent.key(),
              sent.value(),
              sent.headers(),
              java.util.Optional.empty()));
    }
    return records;
  }
}
