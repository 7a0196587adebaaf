package io.crossdesk.benchmark.observe;

import io.crossdesk.benchmark.load.KafkaClients;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows crossdesk.tickets and crossdesk.workorders with a consumer group of its own, from the
 * moment it starts, and remembers per ticket when it was opened (TicketOpened ce_time) and routed
 * (WorkOrderRouted record timestamp). Repeated deliveries of the same ce_id are counted, not
 * applied.
 */
public final class EventTracker implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, String> consumer;
  private final CountDownLatch assigned = new CountDownLatch(1);
  private final Map<String, TicketTrace> tickets = new HashMap<>();
  private final Map<String, Set<String>> ticketsByExternalId = new HashMap<>();
  private final Set<String> eventIds = new HashSet<>();
  private final Map<String, Long> duplicateDeliveries = new TreeMap<>();
  private final Thread poller;
  private volatile boolean running = true;
  private volatile long routedTotal;

  private EventTracker(String bootstrapServers, String group) {
    consumer = KafkaClients.consumer(bootstrapServers, group);
    poller = new Thread(this::pollLoop, "event-tracker");
    poller.setDaemon(true);
  }

  /** Starts following and returns once every partition's starting offset is fixed. */
  public static EventTracker start(String bootstrapServers, String group) {
    EventTracker tracker = new EventTracker(bootstrapServers, group);
    tracker.poller.start();
    try {
      if (!tracker.assigned.await(60, TimeUnit.SECONDS)) {
        tracker.close();
        throw new IllegalStateException("the tracking consumer got no partitions within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return tracker;
  }

  /** Tickets routed for the first time since the tracker started, whoever opened them. */
  public long routedTotal() {
    return routedTotal;
  }

  public synchronized Map<String, Long> duplicateDeliveries() {
    return new TreeMap<>(duplicateDeliveries);
  }

  /** What became of the tickets REST answered with and of the tickets intake requests asked for. */
  public synchronized TicketOutcomes outcomes(
      Collection<String> ticketIds, Collection<String> externalIds) {
    OutcomeTally tally = new OutcomeTally(ticketIds.size() + externalIds.size());
    for (String ticketId : ticketIds) {
      tally.add(tickets.get(ticketId));
    }
    for (String externalId : externalIds) {
      Set<String> opened = ticketsByExternalId.getOrDefault(externalId, Set.of());
      if (opened.size() > 1) {
        tally.requestOpenedTwice++;
      }
      if (opened.isEmpty()) {
        tally.add(null);
      }
      opened.forEach(ticketId -> tally.add(tickets.get(ticketId)));
    }
    return tally.outcomes();
  }

  private void pollLoop() {
    consumer.subscribe(
        List.of(Topics.TICKETS, Topics.WORKORDERS),
        new ConsumerRebalanceListener() {
          @Override
          public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Resolving the positions now fixes where following starts, before any load is sent.
            partitions.forEach(consumer::position);
            if (!partitions.isEmpty()) {
              assigned.countDown();
            }
          }

          @Override
          public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
        });
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(200));
        synchronized (this) {
          records.forEach(this::apply);
        }
      }
    } catch (WakeupException closing) {
      // close() woke the poll up
    } finally {
      consumer.close();
    }
  }

  private void apply(ConsumerRecord<String, String> record) {
    String type = header(record, "ce_type");
    String eventId = header(record, "ce_id");
    if (type == null || eventId == null) {
      return;
    }
    if (!eventIds.add(eventId)) {
      duplicateDeliveries.merge(type, 1L, Long::sum);
      return;
    }
    if (type.equals(EventTypes.TICKET_OPENED)) {
      JsonNode data = JSON.readTree(record.value());
      String ticketId = data.get("ticketId").asString();
      tickets
          .computeIfAbsent(ticketId, id -> new TicketTrace())
          .opened(eventId, Instant.parse(header(record, "ce_time")));
      JsonNode externalId = data.get("externalId");
      if (externalId != null && !externalId.isNull()) {
        ticketsByExternalId
            .computeIfAbsent(externalId.asString(), id -> new HashSet<>())
            .add(ticketId);
      }
    } else if (type.equals(EventTypes.WORKORDER_ROUTED)) {
      JsonNode data = JSON.readTree(record.value());
      TicketTrace trace =
          tickets.computeIfAbsent(data.get("ticketId").asString(), id -> new TicketTrace());
      if (trace.routed(data.get("workOrderId").asString(), record.timestamp())) {
        routedTotal++;
      }
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      poller.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
