package io.crossdesk.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads topics from the beginning, as an independent consumer would, and waits for records. */
public final class TopicRecorder implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

  public TopicRecorder(String bootstrapServers, String... topics) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topics));
  }

  public static TopicRecorder of(String... topics) {
    return new TopicRecorder(TestInfrastructure.get().kafkaBootstrapServers(), topics);
  }

  /**
   * Waits until a record matches, then returns it; the records read so far are looked at before the
   * topics are read further, since a read that finds nothing new waits 200 ms.
   */
  public ConsumerRecord<String, String> await(
      Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (records.stream().noneMatch(matching)) {
                poll();
              }
              return records.stream().anyMatch(matching);
            });
    return records.stream().filter(matching).findFirst().orElseThrow();
  }

  /** Every record that matches, reading each partition up to its end as of now. */
  public List<ConsumerRecord<String, String>> all(
      Predicate<ConsumerRecord<String, String>> matching) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              poll();
              return !consumer.assignment().isEmpty() && caughtUp();
            });
    return records.stream().filter(matching).toList();
  }

  private boolean caughtUp() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private void poll() {
    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Matches records whose {@code ce_type} header is {@code type}. */
  public static Predicate<ConsumerRecord<String, String>> ofType(String type) {
    return record -> type.equals(header(record, "ce_type"));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
