package io.crossdesk.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode, plus the W3C traceparent header. */
public final class CloudEventsBinding {

  public static final String SPEC_VERSION = "ce_specversion";
  public static final String ID = "ce_id";
  public static final String SOURCE = "ce_source";
  public static final String TYPE = "ce_type";
  public static final String SUBJECT = "ce_subject";
  public static final String TIME = "ce_time";
  public static final String CONTENT_TYPE = "content-type";
  public static final String TRACEPARENT = "traceparent";

  private CloudEventsBinding() {}

  public static ProducerRecord<String, String> toRecord(EventMessage event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(event.topic(), event.key(), event.data());
    Headers headers = record.headers();
    put(headers, SPEC_VERSION, "1.0");
    put(headers, ID, event.eventId());
    put(headers, SOURCE, event.source());
    put(headers, TYPE, event.type());
    put(headers, SUBJECT, event.subject());
    put(headers, TIME, event.time().toString());
    put(headers, CONTENT_TYPE, "application/json");
    put(headers, TRACEPARENT, event.traceparent());
    return record;
  }

  /**
   * Reads a record written in binary mode.
   *
   * @throws InvalidEventException when a required attribute is missing or malformed
   */
  public static EventMessage fromRecord(ConsumerRecord<String, String> record) {
    Headers headers = record.headers();
    String id = required(headers, ID);
    String type = required(headers, TYPE);
    String source = required(headers, SOURCE);
    String time = get(headers, TIME);
    if (record.value() == null || record.value().isBlank()) {
      throw new InvalidEventException("event " + id + " has no data");
    }
    return new EventMessage(
        id,
        source,
        type,
        get(headers, SUBJECT),
        time == null ? Instant.ofEpochMilli(record.timestamp()) : parseTime(id, time),
        get(headers, TRACEPARENT),
        record.topic(),
        record.key(),
        record.value());
  }

  private static Instant parseTime(String id, String time) {
    try {
      return Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("event " + id + " has a malformed ce_time: " + time);
    }
  }

  private static String required(Headers headers, String name) {
    String value = get(headers, name);
    if (value == null || value.isBlank()) {
      throw new InvalidEventException("missing CloudEvents header " + name);
    }
    return value;
  }

  private static String get(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }
}
