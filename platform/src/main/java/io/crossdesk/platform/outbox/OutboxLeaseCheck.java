package io.crossdesk.platform.outbox;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The outbox lease must outlast the longest send, or a slow send and another instance's retry would
 * publish the same events side by side. Checked once, at start-up.
 */
public final class OutboxLeaseCheck {

  private static final long KAFKA_DEFAULT_MAX_BLOCK_MS = 60_000;
  private static final long KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

  private OutboxLeaseCheck() {}

  /**
   * @throws IllegalStateException when {@code lease} is not longer than the producer's max.block.ms
   *     plus delivery.timeout.ms
   */
  public static void requireLongerThanASend(Duration lease, Map<String, Object> producer) {
    long maxBlock =
        millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG, KAFKA_DEFAULT_MAX_BLOCK_MS);
    long delivery =
        millis(
            producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, KAFKA_DEFAULT_DELIVERY_TIMEOUT_MS);
    if (lease.toMillis() <= maxBlock + delivery) {
      throw new IllegalStateException(
          "crossdesk.outbox.lease ("
              + lease
              + ") must be longer than the producer's max.block.ms ("
              + maxBlock
              + " ms) plus delivery.timeout.ms ("
              + delivery
              + " ms); lengthen the lease or shorten those");
    }
  }

  private static long millis(Map<String, Object> producer, String key, long fallback) {
    Object value = producer.get(key);
    return value == null ? fallback : Long.parseLong(value.toString().trim());
  }
}
