package io.crossdesk.platform.consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.crossdesk.platform.consumer.EventHandlers.Dedup;
import io.crossdesk.platform.consumer.EventHandlers.Handling;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * At-least-once delivery made harmless: hands a consumer's records to the handlers it declared
 * ({@link EventHandlers}), each event read once, in order, and enforces each type's de-duplication.
 *
 * <p>A batch is handled in runs of events of one type, so a bulk handler writes a run's effects at
 * once; the events of one record key (one aggregate) are handled in the order of the partition.
 * When an event fails, the events before it keep their effects and the listener container hears
 * which record failed ({@link BatchListenerFailedException}): it commits the offsets before it,
 * retries that record with back-off, or sends it to the dead-letter topic at once if it can never
 * succeed (no CloudEvent, data violating its contract, a refused move), and goes on with the
 * records behind it. Those are delivered again, which their keyed effects or the ledger make
 * harmless.
 *
 * <p>{@link #firstDeliveries}: for projections that keep their own offsets, the ledger of a whole
 * batch in one bulk write. Each entry remembers the delivery (topic, partition, offset) that first
 * brought its event, so the same record delivered again after a crash still counts as the first
 * delivery, while the same event published twice does not.
 */
public class IdempotentConsumer {

  static final String COLLECTION = "processed_events";
  private static final int DUPLICATE_KEY = 11000;

  private final MongoTemplate mongo;
  private final Events events;
  private final MeterRegistry meters;
  private final Clock clock;

  public IdempotentConsumer(MongoTemplate mongo, Events events, MeterRegistry meters, Clock clock) {
    this.mongo = mongo;
    this.events = events;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Handles a batch of records as {@code handlers} declare.
   *
   * @throws BatchListenerFailedException naming the first record that failed
   */
  public void handle(
      String consumer, List<ConsumerRecord<String, String>> records, EventHandlers handlers) {
    try {
      handleInOrder(consumer, records, handlers);
    } catch (FailedAt failed) {
      throw new BatchListenerFailedException(
          failed.getCause().getMessage(), failed.getCause(), records.get(failed.index));
    }
  }

  /**
   * Handles one record as {@code handlers} declare.
   *
   * @throws RuntimeException what the handler threw; InvalidEventException when the record is no
   *     CloudEvent, its data violates its contract or the handler's failure is refused
   */
  public void handle(
      String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
    try {
      handleInOrder(consumer, List.of(record), handlers);
    } catch (FailedAt failed) {
      throw (RuntimeException) failed.getCause();
    }
  }

  private void handleInOrder(
      String consumer, List<ConsumerRecord<String, String>> records, EventHandlers handlers) {
    List<Parsed> parsed = new ArrayList<>(records.size());
    FailedAt invalid = null;
    for (int i = 0; i < records.size(); i++) {
      try {
        EventMessage event = CloudEventsBinding.fromRecord(records.get(i));
        Handling handling = handlers.handlingOf(event);
        if (handling == null) {
          continue;
        }
        Object data = events.read(event, handling.dataType());
        parsed.add(
            new Parsed(
                i, records.get(i).key(), handling, new Delivered<>(event.eventId(), data, event)));
      } catch (InvalidEventException e) {
        // The events before it are handled; it goes to the dead-letter topic, the rest come again.
        invalid = new FailedAt(i, e);
        break;
      }
    }
    List<Run> runs = grouped(parsed);
    for (int r = 0; r < runs.size(); r++) {
      try {
        flush(consumer, runs.get(r), handlers);
      } catch (FailedAt failed) {
        List<Parsed> left = new ArrayList<>();
        runs.subList(r, runs.size()).forEach(run -> left.addAll(run.parsed));
        if (isInBatchOrder(left)) {
          throw failed;
        }
        // Events behind the failing one were handled ahead of it, and events before it wait in
        // later runs: hand what is left over again in the batch's order, so that the failure
        // names its own record and every record before it is handled.
        left.sort(Comparator.comparingInt(Parsed::index));
        Run run = new Run(left.get(0).handling());
        for (Parsed one : left) {
          if (run.handling != one.handling()) {
            flush(consumer, run, handlers);
            run = new Run(one.handling());
          }
          run.add(one);
        }
        flush(consumer, run, handlers);
        break;
      }
    }
    if (invalid != null) {
      throw invalid;
    }
  }

  /** An event of the batch with a handler: its index, its record's key, its handling. */
  private record Parsed(int index, String key, Handling handling, Delivered<?> delivered) {}

  /**
   * The batch's events in runs of one type each, as long as their keys allow: an event joins the
   * latest run of its type unless an event of its key was put in a later run, so the events of each
   * key (each aggregate) keep their order, and interleaved types (TicketOpened,
   * TicketStatusChanged, TicketOpened, ...) make one run each rather than a run per event.
   */
  private static List<Run> grouped(List<Parsed> parsed) {
    List<Run> runs = new ArrayList<>();
    Map<Handling, Integer> latestOfType = new IdentityHashMap<>();
    Map<String, Integer> latestOfKey = new HashMap<>();
    for (Parsed one : parsed) {
      String key = one.key() == null ? "" : one.key();
      int after = latestOfKey.getOrDefault(key, -1);
      Integer latest = latestOfType.get(one.handling());
      int target;
      if (latest != null && latest >= after) {
        target = latest;
      } else {
        runs.add(new Run(one.handling()));
        target = runs.size() - 1;
        latestOfType.put(one.handling(), target);
      }
      runs.get(target).add(one);
      latestOfKey.put(key, target);
    }
    return runs;
  }

  private static boolean isInBatchOrder(List<Parsed> events) {
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).index() < events.get(i - 1).index()) {
        return false;
      }
    }
    return true;
  }

  /** A run of events of one type, with their indexes in the batch. */
  private static final class Run {
    final Handling handling;
    final List<Parsed> parsed = new ArrayList<>();
    final List<Integer> indexes = new ArrayList<>();
    final List<Delivered<?>> events = new ArrayList<>();

    Run(Handling handling) {
      this.handling = handling;
    }

    void add(Parsed one) {
      parsed.add(one);
      indexes.add(one.index());
      events.add(one.delivered());
    }
  }

  private void flush(String consumer, Run run, EventHandlers handlers) {
    if (run.events.isEmpty()) {
      return;
    }
    if (run.handling.dedup() == Dedup.RECORDED) {
      handleRecorded(consumer, run, handlers);
    } else if (run.handling.bulk()) {
      handleBulk(consumer, run, handlers);
    } else {
      for (int j = 0; j < run.events.size(); j++) {
        handleOne(consumer, run, j, handlers);
      }
    }
  }

  private void handleBulk(String consumer, Run run, EventHandlers handlers) {
    try {
      // One span for the run, under the first event's trace: the effects are written together.
      events
          .traces()
          .consuming(
              run.events.get(0).event().traceparent(),
              consumer + " " + run.events.get(0).event().type(),
              () -> run.handling.handler().accept(run.events));
    } catch (RuntimeException failure) {
      // Which event failed? The effects are keyed: hand the run over again, one at a time. If
      // none fails now, the failure was passing and the run is handled.
      for (int j = 0; j < run.events.size(); j++) {
        handleOne(consumer, run, j, handlers);
      }
      return;
    }
    run.events.forEach(one -> consumed(consumer, one.event()));
  }

  private void handleOne(String consumer, Run run, int j, EventHandlers handlers) {
    Delivered<?> one = run.events.get(j);
    try {
      events
          .traces()
          .consuming(
              one.event().traceparent(),
              consumer + " " + one.event().type(),
              () -> run.handling.handler().accept(List.of(one)));
    } catch (RuntimeException failure) {
      throw new FailedAt(run.indexes.get(j), handlers.classify(one.event(), failure));
    }
    consumed(consumer, one.event());
  }

  private void handleRecorded(String consumer, Run run, EventHandlers handlers) {
    List<String> keys = run.events.stream().map(one -> key(consumer, one.eventId())).toList();
    Set<Object> seen = new HashSet<>();
    mongo
        .getCollection(COLLECTION)
        .find(Filters.in("_id", keys))
        .projection(new Document("_id", 1))
        .forEach(stored -> seen.add(stored.get("_id")));
    List<Document> handled = new ArrayList<>();
    try {
      for (int j = 0; j < run.events.size(); j++) {
        Delivered<?> one = run.events.get(j);
        if (!seen.add(keys.get(j))) {
          meters.counter("crossdesk.events.duplicates", "consumer", consumer).increment();
          continue;
        }
        handleOne(consumer, run, j, handlers);
        handled.add(
            new Document("_id", keys.get(j))
                .append("consumer", consumer)
                .append("eventId", one.eventId())
                .append("type", one.event().type())
                .append("processedAt", Date.from(clock.instant())));
      }
    } finally {
      record(handled);
    }
  }

  /** Writes ledger entries; an entry written meanwhile by another instance is left as it is. */
  private void record(List<Document> handled) {
    if (handled.isEmpty()) {
      return;
    }
    try {
      mongo.getCollection(COLLECTION).insertMany(handled, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
        throw e;
      }
    }
  }

  private static String key(String consumer, String eventId) {
    return consumer + ":" + eventId;
  }

  /** The event at {@code index} of the batch failed; the ones before it are handled. */
  private static final class FailedAt extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int index;

    FailedAt(int index, RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
      this.index = index;
    }
  }

  /**
   * Which of {@code events}, read from {@code records} (same order), are the first delivery of
   * their event to {@code consumer}: a record seen before at the same position counts as first
   * again, the same event at another position (a duplicate publish) does not.
   */
  public List<Boolean> firstDeliveries(
      String consumer, List<ConsumerRecord<String, String>> records, List<EventMessage> events) {
    List<Document> processed = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      EventMessage event = events.get(i);
      processed.add(
          new Document("_id", consumer + ":" + event.eventId())
              .append("consumer", consumer)
              .append("eventId", event.eventId())
              .append("type", event.type())
              .append("delivery", delivery(records.get(i)))
              .append("processedAt", Date.from(clock.instant())));
    }
    List<Boolean> first = new ArrayList<>(Collections.nCopies(records.size(), Boolean.TRUE));
    if (processed.isEmpty()) {
      return first;
    }
    List<Integer> seenBefore = new ArrayList<>();
    try {
      mongo.getCollection(COLLECTION).insertMany(processed, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw e;
        }
        seenBefore.add(error.getIndex());
      }
    }
    if (!seenBefore.isEmpty()) {
      Map<Object, String> firstDelivery = new HashMap<>();
      mongo
          .getCollection(COLLECTION)
          .find(
              Filters.in("_id", seenBefore.stream().map(i -> processed.get(i).get("_id")).toList()))
          .forEach(stored -> firstDelivery.put(stored.get("_id"), stored.getString("delivery")));
      for (int i : seenBefore) {
        Document mine = processed.get(i);
        boolean sameRecord = mine.getString("delivery").equals(firstDelivery.get(mine.get("_id")));
        first.set(i, sameRecord);
        if (!sameRecord) {
          meters.counter("crossdesk.events.duplicates", "consumer", consumer).increment();
        }
      }
    }
    for (int i = 0; i < events.size(); i++) {
      if (first.get(i)) {
        consumed(consumer, events.get(i));
      }
    }
    return first;
  }

  private static String delivery(ConsumerRecord<?, ?> record) {
    return record.topic() + "/" + record.partition() + "/" + record.offset();
  }

  private void consumed(String consumer, EventMessage event) {
    meters
        .counter("crossdesk.events.consumed", "consumer", consumer, "type", event.type())
        .increment();
  }
}
