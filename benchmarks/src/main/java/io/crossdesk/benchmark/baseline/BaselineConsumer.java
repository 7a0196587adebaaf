package io.crossdesk.benchmark.baseline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a throwaway topic from its start and notes each record's age on arrival. */
final class BaselineConsumer implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Histogram latency = new Histogram(3);
  private final Thread thread;
  private volatile boolean running = true;
  private long count;
  private long firstNanos = -1;
  private long lastNanos;

  private BaselineConsumer(String bootstrapServers, String topic, int partitions) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> assigned =
        IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
    assigned.forEach(consumer::position);
    thread = new Thread(this::pollLoop, "baseline-consumer");
    thread.setDaemon(true);
  }

  static BaselineConsumer start(String bootstrapServers, String topic, int partitions) {
    BaselineConsumer consumer = new BaselineConsumer(bootstrapServers, topic, partitions);
    consumer.thread.start();
    return consumer;
  }

  private void pollLoop() {
    try {
      while (running) {
        var records = consumer.poll(Duration.ofMillis(100));
        long now = System.currentTimeMillis();
        synchronized (this) {
          for (ConsumerRecord<String, String> record : records) {
            if (firstNanos < 0) {
              firstNanos = System.nanoTime();
            }
            latency.recordValue(Math.max(0, now - record.timestamp()));
            count++;
          }
          if (!records.isEmpty()) {
            lastNanos = System.nanoTime();
          }
          notifyAll();
        }
      }
    } catch (WakeupException closing) {
      // close() woke the poll up
    } finally {
      consumer.close();
    }
  }

  synchronized void awaitCount(long expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (count < expected && System.nanoTime() < deadline) {
        wait(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records per second from the first to the last one read. */
  synchronized double perSecond() {
    return count < 2 ? 0 : count / (Math.max(lastNanos - firstNanos, 1) / 1e9);
  }

  synchronized Histogram latency() {
    return latency.copy();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
