package io.crossdesk.analytics.kpi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.CounterValue;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.RoutingStatistics;
import io.crossdesk.analytics.kpi.persistence.PartitionTotalsStore;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.Events;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import tools.jackson.databind.json.JsonMapper;

/** The projection against a real MongoDB-compatible server, fed records as a listener would be. */
class KpiProjectionTest {

  private static final String CONSUMER = "analytics-service.tickets";
  private static final Instant OPENED_AT = Instant.parse("2026-12-01T09:00:00Z");
  private static final Counter OPENED =
      new Counter(Dimension.EVENTS_BY_TYPE, EventTypes.TICKET_OPENED);
  private static final Counter NETWORK = new Counter(Dimension.TICKETS_BY_CATEGORY, "NETWORK");

  private final JsonMapper json = JsonMapper.builder().build();
  private final ProjectionStores stores = new ProjectionStores();
  private final Events events = new Events(json, "analytics-test", Clock.systemUTC());
  private final IdempotentConsumer consumer =
      new IdempotentConsumer(stores.mongo(), events, new SimpleMeterRegistry(), Clock.systemUTC());
  private final PartitionTotalsStore totals = new PartitionTotalsStore(stores.mongo());
  private final KpiProjection projection = new KpiProjection(events, consumer, totals);

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void a_batch_delivered_again_counts_once() {
    List<ConsumerRecord<String, String>> batch =
        List.of(opened(0, 10), opened(0, 11), opened(1, 4));

    projection.project(CONSUMER, batch);
    projection.project(CONSUMER, batch);

    assertThat(count(OPENED)).isEqualTo(3);
    assertThat(count(NETWORK)).isEqualTo(3);
  }

  @Test
  void
      a_batch_redelivered_after_a_crash_between_its_processed_records_and_its_totals_counts_once() {
    List<ConsumerRecord<String, String>> batch = List.of(opened(0, 20), opened(0, 21));
    // The crash: processed records written, totals not.
    consumer.firstDeliveries(
        CONSUMER, batch, batch.stream().map(CloudEventsBinding::fromRecord).toList());

    projection.project(CONSUMER, batch);

    assertThat(count(OPENED)).isEqualTo(2);
  }

  @Test
  void an_event_published_twice_counts_once_and_its_partition_moves_on() {
    ConsumerRecord<String, String> first = opened(0, 30);
    ConsumerRecord<String, String> again = at(first, 0, 31);
    ConsumerRecord<String, String> next = opened(0, 32);

    projection.project(CONSUMER, List.of(first, again));
    projection.project(CONSUMER, List.of(again, next));

    assertThat(count(OPENED)).isEqualTo(2);
    assertThat(totals.appliedOffset(CONSUMER + ":" + Topics.TICKETS + "-0")).isEqualTo(32);
  }

  @Test
  void an_event_violating_its_contract_fails_alone_after_the_events_before_it_are_applied() {
    ConsumerRecord<String, String> fine = opened(0, 40);
    ConsumerRecord<String, String> broken =
        record(0, 41, EventTypes.TICKET_OPENED, "{\"ticketId\":\"T-x\"}");
    ConsumerRecord<String, String> behind = opened(0, 42);

    assertThatThrownBy(() -> projection.project(CONSUMER, List.of(fine, broken, behind)))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getRecord()).isSameAs(broken));
    // The error handler dead-letters the broken one and delivers the rest again.
    projection.project(CONSUMER, List.of(behind));

    assertThat(count(OPENED)).isEqualTo(2);
  }

  @Test
  void routing_times_come_from_the_work_order_events_alone() {
    projection.project(
        "analytics-service.workorders",
        List.of(routed(0, 1, Duration.ofSeconds(30)), routed(1, 1, Duration.ofSeconds(90))));

    assertThat(totals.routing()).isEqualTo(RoutingStatistics.of(2, 120_000, 90_000));
  }

  private long count(Counter counter) {
    return totals.values().stream()
        .filter(value -> value.counter().equals(counter))
        .mapToLong(CounterValue::count)
        .sum();
  }

  private ConsumerRecord<String, String> opened(int partition, long offset) {
    String ticketId = "T-" + UUID.randomUUID();
    TicketOpened ticket =
        new TicketOpened(
            ticketId,
            "C-1",
            "B",
            "HOTLINE",
            "NETWORK",
            "NORMAL",
            "Line down",
            null,
            "agent-7",
            null,
            null,
            OPENED_AT,
            OPENED_AT.plus(Duration.ofHours(8)),
            null,
            null,
            null,
            null,
            null);
    return record(partition, offset, EventTypes.TICKET_OPENED, json.writeValueAsString(ticket));
  }

  private ConsumerRecord<String, String> routed(int partition, long offset, Duration after) {
    WorkOrderRouted routed =
        new WorkOrderRouted(
            "W-" + UUID.randomUUID(),
            "T-1",
            "C-1",
            "NETWORK",
            "network-ops",
            "network-faults",
            OPENED_AT.plus(after),
            OPENED_AT);
    return record(
        Topics.WORKORDERS,
        partition,
        offset,
        EventTypes.WORKORDER_ROUTED,
        json.writeValueAsString(routed));
  }

  private static ConsumerRecord<String, String> record(
      int partition, long offset, String type, String data) {
    return record(Topics.TICKETS, partition, offset, type, data);
  }

  private static ConsumerRecord<String, String> record(
      String topic, int partition, long offset, String type, String data) {
    ProducerRecord<String, String> produced =
        CloudEventsProducer.event(topic, "key-" + offset, type, data);
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(topic, partition, offset, produced.key(), produced.value());
    produced.headers().forEach(header -> record.headers().add(header));
    return record;
  }

  /** The same event as another record: a duplicate publish. */
  private static ConsumerRecord<String, String> at(
      ConsumerRecord<String, String> original, int partition, long offset) {
    ConsumerRecord<String, String> copy =
        new ConsumerRecord<>(original.topic(), partition, offset, original.key(), original.value());
    original.headers().forEach(header -> copy.headers().add(header));
    return copy;
  }
}
