package io.crossdesk.benchmark.observe;

import io.crossdesk.contracts.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many tickets the store holds, told by the records on crossdesk.tickets: each ticket ever
 * opened and published is one TicketOpened there (a republished event counts twice, tickets still
 * waiting in the outbox not yet).
 */
public final class StoreSize implements AutoCloseable {

  private final Admin admin;

  public StoreSize(String bootstrapServers) {
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  public long tickets() {
    try {
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(Topics.TICKETS))
              .allTopicNames()
              .get()
              .get(Topics.TICKETS)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(Topics.TICKETS, p.partition()))
              .toList();
      return offsets(partitions, OffsetSpec.latest()) - offsets(partitions, OffsetSpec.earliest());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + Topics.TICKETS, e.getCause());
    }
  }

  private long offsets(List<TopicPartition> partitions, OffsetSpec spec)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, OffsetSpec> request =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
    return admin.listOffsets(request).all().get().values().stream()
        .mapToLong(ListOffsetsResultInfo::offset)
        .sum();
  }

  @Override
  public void close() {
    admin.close();
  }
}
