package io.crossdesk.benchmark.baseline;

import io.crossdesk.benchmark.load.KafkaClients;
import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.LatencySummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the broker alone does here, on throwaway topics of the services' shape (3 partitions), with
 * the producer settings of the services and records of the size of an intake request.
 */
public final class KafkaBaseline {

  /** Enough to see the broker's pace; more would only fill the disk. */
  private static final Duration MAX_THROUGHPUT_LEG = Duration.ofSeconds(10);

  private static final long MAX_RECORDS = 1_000_000;
  private static final int PARTITIONS = 3;

  private final String bootstrapServers;
  private final ProducerRecord<String, String> template;
  private final String topicPrefix;

  /** {@code template}: a record whose key, value and headers every baseline record copies. */
  public KafkaBaseline(
      String bootstrapServers, ProducerRecord<String, String> template, String runId) {
    this.bootstrapServers = bootstrapServers;
    this.template = template;
    this.topicPrefix = "crossdesk-benchmark-baseline-" + runId;
  }

  public BaselineResult run(int rate, Duration duration) {
    String throughputTopic = topicPrefix + "-throughput";
    String latencyTopic = topicPrefix + "-latency";
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      create(admin, throughputTopic, latencyTopic);
      try {
        Duration leg = duration.compareTo(MAX_THROUGHPUT_LEG) < 0 ? duration : MAX_THROUGHPUT_LEG;
        Leg throughput = throughputLeg(throughputTopic, leg);
        Leg latency = latencyLeg(latencyTopic, rate, duration);
        return new BaselineResult(
            messageBytes(),
            throughput.produced / seconds(throughput.produceNanos),
            throughput.consumer.perSecond(),
            rate,
            LatencySummary.of(latency.consumer.latency(), 1));
      } finally {
        admin.deleteTopics(List.of(throughputTopic, latencyTopic));
      }
    }
  }

  private Leg throughputLeg(String topic, Duration duration) {
    try (BaselineConsumer consumer = BaselineConsumer.start(bootstrapServers, topic, PARTITIONS);
        KafkaProducer<String, String> producer = KafkaClients.producer(bootstrapServers)) {
      long started = System.nanoTime();
      long deadline = started + duration.toNanos();
      long sent = 0;
      while (sent < MAX_RECORDS && System.nanoTime() < deadline) {
        producer.send(copy(topic, sent++));
      }
      producer.flush();
      long produceNanos = System.nanoTime() - started;
      consumer.awaitCount(sent, Duration.ofSeconds(30));
      return new Leg(sent, produceNanos, consumer);
    }
  }

  private Leg latencyLeg(String topic, int rate, Duration duration) {
    try (BaselineConsumer consumer = BaselineConsumer.start(bootstrapServers, topic, PARTITIONS);
        KafkaProducer<String, String> producer = KafkaClients.producer(bootstrapServers)) {
      long total = rate * duration.toMillis() / 1000;
      long interval = 1_000_000_000L / rate;
      long started = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long early = started + i * interval - System.nanoTime();
        if (early > 0) {
          LockSupport.parkNanos(early);
        }
        producer.send(copy(topic, i));
      }
      producer.flush();
      consumer.awaitCount(total, Duration.ofSeconds(30));
      return new Leg(total, System.nanoTime() - started, consumer);
    }
  }

  private ProducerRecord<String, String> copy(String topic, long n) {
    return new ProducerRecord<>(
        topic, null, template.key() + "-" + n, template.value(), template.headers());
  }

  private int messageBytes() {
    int bytes = template.key().length() + template.value().getBytes(StandardCharsets.UTF_8).length;
    for (Header header : template.headers()) {
      bytes += header.key().length() + header.value().length;
    }
    return bytes;
  }

  private static void create(Admin admin, String... topics) {
    try {
      admin
          .createTopics(
              Arrays.stream(topics)
                  .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                  .toList())
          .all()
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create the baseline topics", e.getCause());
    }
  }

  private static double seconds(long nanos) {
    return Math.max(nanos, 1) / 1e9;
  }

  private record Leg(long produced, long produceNanos, BaselineConsumer consumer) {}
}
