package io.crossdesk.platform.it;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.it.PlatformTestApplication.Parcel;
import io.crossdesk.platform.outbox.OutboxProperties;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TopicRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Relays driven by hand on collections of their own, to see what they do in the hard cases. */
@CrossdeskIntegrationTest
class OutboxRelayIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired Events events;

  @Test
  void two_instances_relaying_the_same_collection_publish_each_event_once() {
    String collection = "relay_" + UUID.randomUUID().toString().substring(0, 8);
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      EventMessage event = event("c-" + UUID.randomUUID());
      eventIds.add(event.eventId());
      mongo.insert(new Parcel("p-" + i, "registered", List.of(event)), collection);
    }
    OutboxRelay first = relay(collection);
    OutboxRelay second = relay(collection);

    CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::relayAll);
    CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::relayAll);

    assertThat(a.join() + b.join()).isEqualTo(40);
    try (TopicRecorder recorder = TopicRecorder.of(Topics.CUSTOMERS)) {
      recorder.await(r -> eventIds.get(39).equals(header(r, "ce_id")), TIMEOUT);
      Map<String, Long> published =
          recorder.all(r -> eventIds.contains(header(r, "ce_id"))).stream()
              .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
      assertThat(published).hasSize(40).allSatisfy((id, count) -> assertThat(count).isOne());
    }
    assertThat(mongo.findAll(Parcel.class, collection)).allMatch(p -> p.outbox().isEmpty());
  }

  @Test
  void a_document_that_cannot_be_published_waits_while_the_documents_behind_it_go_first() {
    String collection = "relay_" + UUID.randomUUID().toString().substring(0, 8);
    EventMessage good = event("c-" + UUID.randomUUID());
    EventMessage unpublishable = withTopic(event("c-" + UUID.randomUUID()), "not a valid topic!");
    mongo.insert(new Parcel("stuck", "registered", List.of(unpublishable)), collection);
    mongo.insert(new Parcel("fine", "registered", List.of(good)), collection);
    OutboxRelay relay = relay(collection);

    relay.relayAll();
    relay.relayAll();

    try (TopicRecorder recorder = TopicRecorder.of(Topics.CUSTOMERS)) {
      ConsumerRecord<String, String> record =
          recorder.await(r -> good.eventId().equals(header(r, "ce_id")), TIMEOUT);
      assertThat(record.key()).isEqualTo(good.key());
    }
    Map<String, Parcel> parcels =
        mongo.findAll(Parcel.class, collection).stream()
            .collect(Collectors.toMap(Parcel::id, Function.identity()));
    assertThat(parcels.get("fine").outbox()).isEmpty();
    assertThat(parcels.get("stuck").outbox())
        .extracting(EventMessage::eventId)
        .containsExactly(unpublishable.eventId());
    assertThat(
            mongo
                .getCollection(collection)
                .find(new org.bson.Document("_id", "stuck"))
                .first()
                .getDate("outboxLease")
                .toInstant())
        .as("retried later, not at once")
        .isAfter(Instant.now());
  }

  private OutboxRelay relay(String collection) {
    return new OutboxRelay(
        mongo,
        kafka,
        List.of(collection),
        new OutboxProperties(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5)),
        Clock.systemUTC(),
        new SimpleMeterRegistry());
  }

  private EventMessage event(String customerId) {
    return events.create(
        customerId,
        new CustomerRegistered(
            customerId, "Relay", "INDIVIDUAL", "C", "+1 555 0100", "r@example.com", Instant.now()));
  }

  private static EventMessage withTopic(EventMessage event, String topic) {
    return new EventMessage(
        event.eventId(),
        event.source(),
        event.type(),
        event.subject(),
        event.time(),
        event.traceparent(),
        topic,
        event.key(),
        event.data());
  }
}
