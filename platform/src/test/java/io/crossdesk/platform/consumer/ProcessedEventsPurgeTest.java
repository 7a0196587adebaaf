package io.crossdesk.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.Events;
import io.crossdesk.testsupport.MutableClock;
import io.crossdesk.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

class ProcessedEventsPurgeTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final String database = "purge-" + UUID.randomUUID().toString().substring(0, 8);
  private final MongoClient client =
      MongoClients.create(TestInfrastructure.get().mongoUri(database));
  private final MongoTemplate mongo = new MongoTemplate(client, database);
  private final Events events = new Events(JsonMapper.builder().build(), "purge-test", clock);
  private final IdempotentConsumer consumer =
      new IdempotentConsumer(mongo, events, new SimpleMeterRegistry(), clock);
  private final EventHandlers handlers =
      EventHandlers.reading().once(CustomerRegistered.class, (id, customer) -> {});
  private final ProcessedEventsPurge purge =
      new ProcessedEventsPurge(
          mongo, new ProcessedEventsProperties(Duration.ofDays(8), Duration.ofHours(1)), clock);

  @AfterEach
  void close() {
    purge.stop();
    client.close();
  }

  @Test
  void records_older_than_the_retention_are_purged_and_younger_ones_kept() {
    List<ConsumerRecord<String, String>> old = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      old.add(record("old-" + i));
    }
    old.forEach(r -> consumer.handle("purge-test", r, handlers));
    clock.advance(Duration.ofDays(7));
    ConsumerRecord<String, String> recent = record("recent");
    consumer.handle("purge-test", recent, handlers);
    clock.advance(Duration.ofDays(1).plusSeconds(1));

    assertThat(purge.purge()).isEqualTo(3);

    List<String> left = new ArrayList<>();
    mongo
        .getCollection(IdempotentConsumer.COLLECTION)
        .find()
        .forEach(d -> left.add(d.getString("eventId")));
    assertThat(left).containsExactly(CloudEventsBinding.fromRecord(recent).eventId());
  }

  @Test
  void a_ttl_index_with_the_retention_lets_mongodb_expire_the_records_itself() {
    purge.start();

    Document ttl = null;
    for (Document index : mongo.getCollection(IdempotentConsumer.COLLECTION).listIndexes()) {
      if (ProcessedEventsPurge.TTL_INDEX.equals(index.getString("name"))) {
        ttl = index;
      }
    }
    assertThat(ttl).isNotNull();
    assertThat(ttl.get("expireAfterSeconds", Number.class).longValue())
        .isEqualTo(Duration.ofDays(8).toSeconds());
  }

  private ConsumerRecord<String, String> record(String customerId) {
    ProducerRecord<String, String> produced =
        CloudEventsBinding.toRecord(
            events.create(
                customerId,
                new CustomerRegistered(
                    customerId,
                    "Purge",
                    "INDIVIDUAL",
                    "C",
                    "+1 555 0100",
                    "p@example.com",
                    clock.instant())));
    ConsumerRecord<String, String> record =
        new ConsumerRecord<>(Topics.CUSTOMERS, 0, 0, produced.key(), produced.value());
    produced.headers().forEach(header -> record.headers().add(header));
    return record;
  }
}
