package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handling of every listener: a failing record is retried with exponential back-off, then
 * published to {@code <topic>.dlt} with the failure in its headers, and the partition moves on.
 * Records that can never succeed (no CloudEvent, unknown type, data violating its schema) skip the
 * retries.
 */
public final class DeadLetters {

  /** Header with a one-line reason, beside Spring Kafka's kafka_dlt-exception-* headers. */
  public static final String REASON_HEADER = "crossdesk_dlt_reason";

  private DeadLetters() {}

  /**
   * @param retries where records that refer to something not known yet wait, for consumer groups
   *     that listen to their retry topic; other groups retry them in place, longer than other
   *     failures
   */
  public static DefaultErrorHandler errorHandler(
      DeadLetterProperties properties, MeterRegistry meters, DeferredRetries retries) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            retries.template(),
            (record, exception) ->
                new TopicPartition(Topics.deadLetterOf(DeferredRetries.originalTopic(record)), -1));
    recoverer.setHeadersFunction(
        (record, exception) -> {
          RecordHeaders headers = new RecordHeaders();
          headers.add(REASON_HEADER, reason(exception).getBytes(StandardCharsets.UTF_8));
          return headers;
        });
    ExponentialBackOff backOff = backOff(properties, properties.maxRetries());
    ExponentialBackOff notYetKnownBackOff = backOff(properties, properties.notYetKnownRetries());
    DefaultErrorHandler handler =
        new DefaultErrorHandler(
            (record, exception) -> {
              String group = KafkaUtils.getConsumerGroupId();
              if (causedBy(exception, NotYetKnownException.class)
                  && retries.canDefer(group, record)) {
                retries.defer(group, record);
                meters.counter("crossdesk.events.deferred", "consumer", group).increment();
                return;
              }
              meters
                  .counter(
                      "crossdesk.events.dead_lettered",
                      "topic",
                      DeferredRetries.originalTopic(record))
                  .increment();
              recoverer.accept(record, exception);
            },
            backOff);
    // A retry is expected work, not an error; dead letters are counted and listed as stuck work.
    handler.setLogLevel(KafkaException.Level.WARN);
    handler.addNotRetryableExceptions(InvalidEventException.class, DeserializationException.class);
    handler.setBackOffFunction(
        (record, exception) -> {
          if (!causedBy(exception, NotYetKnownException.class)) {
            return null;
          }
          // Deferred at once, so the records behind it go on; else retried here, for longer.
          return retries.canDefer(KafkaUtils.getConsumerGroupId(), record)
              ? new FixedBackOff(0, 0)
              : notYetKnownBackOff;
        });
    return handler;
  }

  private static ExponentialBackOff backOff(DeadLetterProperties properties, int retries) {
    ExponentialBackOff backOff = new ExponentialBackOff(properties.initialInterval().toMillis(), 2);
    backOff.setMaxAttempts(retries);
    return backOff;
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  static String reason(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && !(cause instanceof InvalidEventException)) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
  }
}
