package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * At-least-once delivery made harmless: each consumer records the ids of the events it has
 * processed and skips any it sees again. The record is written after the handler succeeds, so a
 * crash in between replays the event: handlers keep their own effects idempotent for that window
 * (an aggregate id derived from the event, a unique key, a guarded state transition).
 */
public class IdempotentConsumer {

  static final String COLLECTION = "processed_events";

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
              .append("processedAt", clock.instant()),
          COLLECTION);
    } catch (DuplicateKeyException concurrentlyProcessed) {
      meters.counter("crossdesk.events.duplicates", "consumer", consumer).increment();
      return;
    }
    meters
        .counter("crossdesk.events.consumed", "consumer", consumer, "type", event.type())
        .increment();
  }
}
