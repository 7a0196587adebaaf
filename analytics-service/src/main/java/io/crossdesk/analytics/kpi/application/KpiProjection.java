package io.crossdesk.analytics.kpi.application;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.EventCounters;
import io.crossdesk.analytics.kpi.domain.KpiDelta;
import io.crossdesk.analytics.kpi.persistence.PartitionTotalsStore;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Folds batches of business events into the KPI totals. Exact however events arrive: an event
 * published twice counts once (its processed record remembers where it was first delivered), and a
 * batch delivered again counts once (each partition's totals remember the offset they applied).
 */
@Component
public class KpiProjection {

  private record Folded(
      ConsumerRecord<String, String> record,
      EventMessage event,
      List<Counter> counters,
      WorkOrderRouted routed) {}

  private final Events events;
  private final IdempotentConsumer consumer;
  private final PartitionTotalsStore totals;

  KpiProjection(Events events, IdempotentConsumer consumer, PartitionTotalsStore totals) {
    this.events = events;
    this.consumer = consumer;
    this.totals = totals;
  }

  /**
   * Applies the events of the batch up to the first that violates its contract, then fails that one
   * alone so it is dead-lettered and the rest delivered again (and found applied).
   */
  public void project(String consumerName, List<ConsumerRecord<String, String>> records) {
    List<Folded> folded = new ArrayList<>(records.size());
    InvalidEventException invalid = null;
    for (ConsumerRecord<String, String> record : records) {
      try {
        folded.add(fold(record));
      } catch (InvalidEventException e) {
        invalid = e;
        break;
      }
    }
    apply(consumerName, folded);
    if (invalid != null) {
      throw new BatchListenerFailedException(
          invalid.getMessage(), invalid, records.get(folded.size()));
    }
  }

  private void apply(String consumerName, List<Folded> folded) {
    List<Boolean> first =
        consumer.firstDeliveries(
            consumerName,
            folded.stream().map(Folded::record).toList(),
            folded.stream().map(Folded::event).toList());
    Map<String, List<Folded>> byPartition = new LinkedHashMap<>();
    for (int i = 0; i < folded.size(); i++) {
      Folded one = folded.get(i);
      // A duplicate still moves its partition's offset, just adds nothing.
      byPartition
          .computeIfAbsent(partitionOf(consumerName, one.record()), p -> new ArrayList<>())
          .add(first.get(i) ? one : new Folded(one.record(), one.event(), List.of(), null));
    }
    byPartition.forEach(this::applyPartition);
  }

  private void applyPartition(String partition, List<Folded> folded) {
    long applied = totals.appliedOffset(partition);
    KpiDelta delta = new KpiDelta();
    long last = applied;
    for (Folded one : folded) {
      long offset = one.record().offset();
      if (offset > applied) {
        delta.count(one.counters());
        if (one.routed() != null && one.routed().ticketOpenedAt() != null) {
          delta.routed(one.routed().ticketOpenedAt(), one.routed().routedAt());
        }
      }
      last = Math.max(last, offset);
    }
    if (last > applied) {
      totals.apply(partition, applied, last, delta);
    }
  }

  private Folded fold(ConsumerRecord<String, String> record) {
    EventMessage event = CloudEventsBinding.fromRecord(record);
    return switch (event.type()) {
      case EventTypes.TICKET_OPENED ->
          new Folded(
              record,
              event,
              EventCounters.of(event.type(), events.read(event, TicketOpened.class)),
              null);
      case EventTypes.WORKORDER_ROUTED -> {
        WorkOrderRouted routed = events.read(event, WorkOrderRouted.class);
        yield new Folded(record, event, EventCounters.of(event.type(), routed), routed);
      }
      default -> new Folded(record, event, EventCounters.of(event.type()), null);
    };
  }

  private static String partitionOf(String consumerName, ConsumerRecord<?, ?> record) {
    return consumerName + ":" + record.topic() + "-" + record.partition();
  }
}
