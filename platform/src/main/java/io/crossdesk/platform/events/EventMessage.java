package io.crossdesk.platform.events;

import java.time.Instant;

/**
 * One event as it travels: the CloudEvents attributes plus the JSON data. The same shape is stored
 * in an aggregate's outbox, written to Kafka in binary mode and read back by consumers.
 */
public record EventMessage(
    String eventId,
    String source,
    String type,
    String subject,
    Instant time,
    String traceparent,
    String topic,
    String key,
    String data) {}
