package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker as its own JVM, as local-stack.sh does. */
class KafkaBrokerTest {

  private static final String TEST_CLASSPATH = System.getProperty("java.class.path");

  @TempDir Path home;

  @Test
  void aFormattedBrokerKeepsItsMessagesAcrossARestart() throws Exception {
    int port = FreePorts.next();
    KafkaBroker.writeConfig(home, port, FreePorts.next());
    assertThat(KafkaBroker.formatStorageOnce(home, TEST_CLASSPATH)).isTrue();
    assertThat(KafkaBroker.formatStorageOnce(home, TEST_CLASSPATH)).isFalse();
    JavaCommand broker =
        KafkaBroker.command(home, TEST_CLASSPATH).withJvmFlags("-Xmx384m", "-XX:+UseSerialGC");
    String bootstrap = "127.0.0.1:" + port;

    try (ServiceProcess kafka = ServiceProcess.start(broker, home.resolve("kafka.log"))) {
      kafka.awaitPortOpen("127.0.0.1", port, Duration.ofMinutes(2));
      send(bootstrap, "crossdesk.smoke", "ticket-1", "{\"status\":\"OPEN\"}");
      assertThat(kafka.stop(Duration.ofSeconds(30))).isEqualTo(143);
    }

    try (ServiceProcess kafka = ServiceProcess.start(broker, home.resolve("kafka.log"))) {
      kafka.awaitPortOpen("127.0.0.1", port, Duration.ofMinutes(2));
      assertThat(readAll(bootstrap, "crossdesk.smoke"))
          .extracting(ConsumerRecord::key, ConsumerRecord::value)
          .containsExactly(tuple("ticket-1", "{\"status\":\"OPEN\"}"));
    }
  }

  private static void send(String bootstrap, String topic, String key, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /**
   * Every record on the topic: reads from the beginning until the position of each partition
   * reaches its end offset, so a duplicate behind the first record cannot go unseen.
   */
  private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            "false");
    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(partition -> new TopicPartition(topic, partition.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return ends.entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
              });
    }
    return received;
  }
}
