package io.crossdesk.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Set;

/**
 * The Kafka client meters a service publishes: those an operator watches (lag, consumption,
 * rebalances, commits, sends and their errors, the streams engine's threads), not the several
 * hundred per client the clients keep. Every consumer, producer, admin and streams client of a
 * service registers its metrics with Micrometer, about 1,000 to 4,000 series a service, nine in ten
 * of every scrape; each is read on every scrape.
 */
public final class KafkaClientMeters implements MeterFilter {

  /** The Kafka client meters kept, by their Micrometer names. */
  public static final Set<String> KEPT =
      Set.of(
          "kafka.consumer.fetch.manager.records.lag",
          "kafka.consumer.fetch.manager.records.lag.max",
          "kafka.consumer.fetch.manager.records.consumed.total",
          "kafka.consumer.coordinator.assigned.partitions",
          "kafka.consumer.coordinator.commit.latency.avg",
          "kafka.consumer.coordinator.rebalance.total",
          "kafka.consumer.coordinator.failed.rebalance.total",
          "kafka.consumer.coordinator.last.rebalance.seconds.ago",
          "kafka.consumer.last.poll.seconds.ago",
          "kafka.producer.record.send.total",
          "kafka.producer.record.error.total",
          "kafka.producer.record.retry.total",
          "kafka.producer.record.queue.time.avg",
          "kafka.producer.buffer.available.bytes",
          "kafka.stream.alive.stream.threads",
          "kafka.stream.failed.stream.threads",
          "kafka.stream.client.state",
          "kafka.stream.thread.process.total",
          "kafka.stream.thread.process.latency.avg",
          "kafka.stream.thread.commit.total",
          "kafka.stream.thread.commit.latency.avg",
          "kafka.stream.thread.poll.records.avg");

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    String name = id.getName();
    if (!name.startsWith("kafka.") || KEPT.contains(name)) {
      return MeterFilterReply.NEUTRAL;
    }
    return MeterFilterReply.DENY;
  }
}
