package io.crossdesk.platform.consumer;

import io.crossdesk.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Lists the dead letters this service's consumers produced and sends one back to its original
 * topic. A replayed event keeps its {@code ce_id}: consumers that had processed it skip it, the one
 * that failed tries again.
 */
public class DeadLetterAdmin {

  private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
  private static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
  private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final Map<String, Object> connection;
  private final KafkaTemplate<String, String> kafka;
  private final Supplier<Set<String>> groups;
  private final Supplier<Set<String>> topics;

  /**
   * @param connection Kafka client settings (bootstrap servers, security)
   * @param groups the consumer groups of this service, whose dead letters it shows
   * @param topics the topics those groups consume
   */
  public DeadLetterAdmin(
      Map<String, Object> connection,
      KafkaTemplate<String, String> kafka,
      Supplier<Set<String>> groups,
      Supplier<Set<String>> topics) {
    this.connection = Map.copyOf(connection);
    this.kafka = kafka;
    this.groups = groups;
    // A retry topic dead-letters to the topic its records came from, already in the list.
    this.topics =
        () ->
            topics.get().stream()
                .filter(topic -> !DeferredRetries.isRetryTopic(topic))
                .collect(Collectors.toSet());
  }

  /** One dead letter, as an operator needs to judge it. */
  public record DeadLetter(
      String topic,
      int partition,
      long offset,
      String originalTopic,
      String consumerGroup,
      String key,
      String eventId,
      String eventType,
      String reason,
      Instant deadLetteredAt,
      String data) {}

  /** The newest dead letters of this service's consumers, at most {@code limit}. */
  public List<DeadLetter> list(int limit) {
    Set<String> mine = groups.get();
    List<DeadLetter> letters = new ArrayList<>();
    for (String topic : topics.get()) {
      readAll(Topics.deadLetterOf(topic)).stream()
          .map(DeadLetterAdmin::toDeadLetter)
          .filter(letter -> mine.contains(letter.consumerGroup()))
          .forEach(letters::add);
    }
    return letters.stream()
        .sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed())
        .limit(limit)
        .toList();
  }

  /**
   * Publishes the dead letter at {@code topic/partition/offset} to its original topic, without the
   * failure headers.
   *
   * @return the replayed letter, or empty if there is no such dead letter of this service
   */
  public Optional<DeadLetter> replay(String topic, int partition, long offset) {
    if (topics.get().stream().map(Topics::deadLetterOf).noneMatch(topic::equals)) {
      return Optional.empty();
    }
    Optional<ConsumerRecord<byte[], byte[]>> found =
        readAll(topic).stream()
            .filter(record -> record.partition() == partition && record.offset() == offset)
            .filter(record -> groups.get().contains(header(record, ORIGINAL_GROUP)))
            .findFirst();
    found.ifPresent(this::republish);
    return found.map(DeadLetterAdmin::toDeadLetter);
  }

  private void republish(ConsumerRecord<byte[], byte[]> letter) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            header(letter, ORIGINAL_TOPIC), text(letter.key()), text(letter.value()));
    for (Header header : letter.headers()) {
      if (!header.key().startsWith(DLT_HEADER_PREFIX)
          && !header.key().equals(DeadLetters.REASON_HEADER)) {
        record.headers().add(header);
      }
    }
    try {
      kafka.send(record).get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while replaying", e);
    } catch (Exception e) {
      throw new IllegalStateException("could not replay to " + record.topic(), e);
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Map<String, Object> config = new HashMap<>(connection);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_TIMEOUT).stream()
              .map(partition -> new TopicPartition(topic, partition.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return records;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
      Instant deadline = Instant.now().plus(READ_TIMEOUT);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("could not read " + topic + " within " + READ_TIMEOUT);
        }
        consumer.poll(POLL).forEach(records::add);
      }
    }
    return records;
  }

  private static DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        header(record, ORIGINAL_TOPIC),
        header(record, ORIGINAL_GROUP),
        text(record.key()),
        header(record, "ce_id"),
        header(record, "ce_type"),
        header(record, DeadLetters.REASON_HEADER),
        Instant.ofEpochMilli(record.timestamp()),
        text(record.value()));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : text(header.value());
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
