package io.crossdesk.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Retries without stalling a partition: a record that must wait (it refers to something not known
 * yet) is moved to its consumer group's retry topic, {@code <group>.retry}, with the time it is
 * due, and the partition goes on with the records behind it. A listener of the group on that topic
 * (opt-in: declare one, see {@code IntakeListener} in ticket-service) waits until each record is
 * due and handles it as the first time; after the last try it is dead-lettered to the dead-letter
 * topic of the topic it came from.
 */
public class DeferredRetries {

  public static final String ATTEMPT_HEADER = "crossdesk_retry_attempt";
  public static final String DUE_HEADER = "crossdesk_retry_due";
  public static final String ORIGINAL_TOPIC_HEADER = "crossdesk_retry_original_topic";
  private static final String SUFFIX = ".retry";

  private final KafkaOperations<?, ?> kafka;
  private final Supplier<Collection<String>> consumedTopics;
  private final DeadLetterProperties properties;
  private final Clock clock;

  public DeferredRetries(
      KafkaOperations<?, ?> kafka,
      Supplier<Collection<String>> consumedTopics,
      DeadLetterProperties properties,
      Clock clock) {
    this.kafka = kafka;
    this.consumedTopics = consumedTopics;
    this.properties = properties;
    this.clock = clock;
  }

  /** The producer for retries, shared with the dead-letter publisher. */
  KafkaOperations<?, ?> template() {
    return kafka;
  }

  /** The retry topic of a consumer group; the retry consumer's own group retries into it too. */
  public static String topicOf(String group) {
    return isRetryTopic(group) ? group : group + SUFFIX;
  }

  static boolean isRetryTopic(String topic) {
    return topic.endsWith(SUFFIX);
  }

  /** Whether {@code group} has a listener on its retry topic, and tries left for the record. */
  boolean canDefer(String group, ConsumerRecord<?, ?> record) {
    return group != null
        && consumedTopics.get().contains(topicOf(group))
        && attempt(record) < properties.notYetKnownRetries();
  }

  /** Moves the record to the group's retry topic, due after the next back-off. */
  void defer(String group, ConsumerRecord<?, ?> record) {
    int attempt = attempt(record) + 1;
    Duration delay = properties.initialInterval().multipliedBy(1L << Math.min(attempt - 1, 20));
    ProducerRecord<Object, Object> retry =
        new ProducerRecord<>(topicOf(group), null, record.key(), record.value());
    for (Header header : record.headers()) {
      if (!header.key().startsWith("crossdesk_retry_")) {
        retry.headers().add(header);
      }
    }
    retry.headers().add(ORIGINAL_TOPIC_HEADER, bytes(originalTopic(record)));
    retry.headers().add(ATTEMPT_HEADER, bytes(Integer.toString(attempt)));
    retry.headers().add(DUE_HEADER, bytes(clock.instant().plus(delay).toString()));
    try {
      @SuppressWarnings("unchecked")
      KafkaOperations<Object, Object> template = (KafkaOperations<Object, Object>) kafka;
      template.send(retry).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deferring a record", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not defer a record to " + retry.topic(), e);
    }
  }

  /**
   * Waits until a record from a retry topic is due. Only the retry topic's own consumer waits; the
   * partitions of the topic the record came from are not held up.
   */
  public void awaitDue(ConsumerRecord<?, ?> record) throws InterruptedException {
    String due = header(record, DUE_HEADER);
    if (due != null) {
      long wait = Duration.between(clock.instant(), Instant.parse(due)).toMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
    }
  }

  /** The topic a record was first consumed from, before any retry. */
  static String originalTopic(ConsumerRecord<?, ?> record) {
    String original = header(record, ORIGINAL_TOPIC_HEADER);
    return original == null ? record.topic() : original;
  }

  private static int attempt(ConsumerRecord<?, ?> record) {
    String attempt = header(record, ATTEMPT_HEADER);
    return attempt == null ? 0 : Integer.parseInt(attempt);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
