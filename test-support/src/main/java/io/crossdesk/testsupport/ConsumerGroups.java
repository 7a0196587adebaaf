package io.crossdesk.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * What consumer groups have committed. A listener commits a record's offset only once it is done
 * with it (handled, or dead-lettered), so a committed offset past a record says it was consumed,
 * whether or not the handler left a trace of its own.
 */
public final class ConsumerGroups {

  private ConsumerGroups() {}

  /** Waits until {@code group} has committed past the record at {@code position}. */
  public static void awaitConsumed(String group, RecordMetadata position, Duration timeout) {
    TopicPartition partition = new TopicPartition(position.topic(), position.partition());
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
      Awaitility.await()
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> committed(admin, group, partition) > position.offset());
    }
  }

  private static long committed(Admin admin, String group, TopicPartition partition)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(5, TimeUnit.SECONDS);
    OffsetAndMetadata offset = offsets.get(partition);
    return offset == null ? -1 : offset.offset();
  }
}
