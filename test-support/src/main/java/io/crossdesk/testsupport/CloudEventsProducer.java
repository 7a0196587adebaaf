package io.crossdesk.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents in Kafka binary mode as any system outside Crossdesk would, with a plain
 * Kafka client. Records with the same key land on the same partition, so a test can rely on their
 * order.
 */
public final class CloudEventsProducer implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final Map<String, RecordMetadata> positions = new ConcurrentHashMap<>();

  public CloudEventsProducer(String bootstrapServers) {
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  /** A producer for the shared test broker. */
  public static CloudEventsProducer forTestBroker() {
    return new CloudEventsProducer(TestInfrastructure.get().kafkaBootstrapServers());
  }

  /**
   * A binary-mode CloudEvent with a fresh {@code ce_id}; {@code type} null leaves the header out
   * (to test what happens to events without one).
   */
  public static ProducerRecord<String, String> event(
      String topic, String key, String type, String data) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", UUID.randomUUID().toString());
    header(record, "ce_source", "/crossdesk/tests");
    if (type != null) {
      header(record, "ce_type", type);
    }
    header(record, "ce_subject", key);
    header(record, "ce_time", Instant.now().toString());
    header(record, "content-type", "application/json");
    return record;
  }

  /** The {@code ce_id} of a record made by {@link #event}. */
  public static String eventId(ProducerRecord<String, String> record) {
    return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
  }

  /** Sends and waits for the broker's acknowledgement; returns where the record landed. */
  public RecordMetadata send(ProducerRecord<String, String> record) {
    try {
      RecordMetadata landed = producer.send(record).get(10, TimeUnit.SECONDS);
      Header id = record.headers().lastHeader("ce_id");
      if (id != null) {
        positions.put(new String(id.value(), StandardCharsets.UTF_8), landed);
      }
      return landed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not publish to " + record.topic(), e);
    }
  }

  /** Publishes a new event and returns its {@code ce_id}. */
  public String publish(String topic, String key, String type, String data) {
    ProducerRecord<String, String> record = event(topic, key, type, data);
    send(record);
    return eventId(record);
  }

  /** Where the last record this producer sent with this {@code ce_id} landed. */
  public RecordMetadata positionOf(String eventId) {
    RecordMetadata position = positions.get(eventId);
    if (position == null) {
      throw new IllegalArgumentException("this producer sent no event " + eventId);
    }
    return position;
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
