package io.crossdesk.platform.consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * At-least-once delivery made harmless, in one of two ways.
 *
 * <p>{@link #handle}: the consumer records the ids of the events it has processed and skips any it
 * sees again. The record is written after the handler succeeds, so a crash in between replays the
 * event: such handlers keep their own effects idempotent for that window too.
 *
 * <p>{@link #handleKeyed}: for handlers whose effect is itself keyed by the event (a unique key
 * derived from it, an upsert by id, a guarded state transition), a replay changes nothing by
 * construction, so no record is read or written: two store operations fewer per event. Every
 * handler that can be written so should be.
 *
 * <p>{@link #firstDeliveries}: for batch consumers, the processed records of a whole batch in one
 * bulk write. Each record remembers the delivery (topic, partition, offset) that first brought its
 * event, so the same record delivered again after a crash still counts as the first delivery, while
 * the same event published twice does not. The caller keeps redeliveries harmless itself, by the
 * offsets it applied.
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
   * Hands the event in {@code record} to {@code handler} unless {@code consumer} has already
   * processed it.
   *
   * @throws io.crossdesk.platform.events.InvalidEventException when the record is no CloudEvent
   */
  public void handle(
      String consumer, ConsumerRecord<String, String> record, Consumer<EventMessage> handler) {
    handle(consumer, CloudEventsBinding.fromRecord(record), handler);
  }

  /**
   * Hands the data of an event of {@code dataType}'s contract to {@code handler}, once; events of
   * other types on the topic are none of this consumer's business and are passed over without a
   * trace.
   *
   * @throws io.crossdesk.platform.events.InvalidEventException when the record is no CloudEvent or
   *     its data violates the contract
   */
  public <T extends Record> void handle(
      String consumer,
      ConsumerRecord<String, String> record,
      Class<T> dataType,
      Consumer<T> handler) {
    EventMessage event = CloudEventsBinding.fromRecord(record);
    if (EventCatalogue.of(dataType).type().equals(event.type())) {
      handle(consumer, event, accepted -> handler.accept(events.read(accepted, dataType)));
    }
  }

  /**
   * Hands the data of an event of {@code dataType}'s contract to {@code handler}, whose effect is
   * keyed by the event so that a redelivery changes nothing; events of other types are passed over.
   *
   * @throws io.crossdesk.platform.events.InvalidEventException when the record is no CloudEvent or
   *     its data violates the contract
   */
  public <T extends Record> void handleKeyed(
      String consumer,
      ConsumerRecord<String, String> record,
      Class<T> dataType,
      Consumer<T> handler) {
    EventMessage event = CloudEventsBinding.fromRecord(record);
    if (EventCatalogue.of(dataType).type().equals(event.type())) {
      handleKeyed(consumer, event, accepted -> handler.accept(events.read(accepted, dataType)));
    }
  }

  /**
   * Hands every event in {@code record} to {@code handler}, whose effect is keyed by the event.
   *
   * @throws io.crossdesk.platform.events.InvalidEventException when the record is no CloudEvent
   */
  public void handleKeyed(
      String consumer, ConsumerRecord<String, String> record, Consumer<EventMessage> handler) {
    handleKeyed(consumer, CloudEventsBinding.fromRecord(record), handler);
  }

  private void handleKeyed(String consumer, EventMessage event, Consumer<EventMessage> handler) {
    TraceContext.continueFrom(event.traceparent());
    try {
      handler.accept(event);
    } finally {
      TraceContext.clear();
    }
    consumed(consumer, event);
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

  private void handle(String consumer, EventMessage event, Consumer<EventMessage> handler) {
    String key = consumer + ":" + event.eventId();
    if (mongo.exists(Query.query(Criteria.where("_id").is(key)), COLLECTION)) {
      meters.counter("crossdesk.events.duplicates", "consumer", consumer).increment();
      return;
    }
    TraceContext.continueFrom(event.traceparent());
    try {
      handler.accept(event);
    } finally {
      TraceContext.clear();
    }
    try {
      mongo.insert(
          new Document("_id", key)
              .append("consumer", consumer)
              .append("eventId", event.eventId())
              .append("type", event.type())
              .append("processedAt", Date.from(clock.instant())),
          COLLECTION);
    } catch (DuplicateKeyException concurrentlyProcessed) {
      meters.counter("crossdesk.events.duplicates", "consumer", consumer).increment();
      return;
    }
    consumed(consumer, event);
  }
}
