package io.crossdesk.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents in Kafka binary mode the way any producer outside this service would, with
 * a plain Kafka client. Records go to one partition so a test can rely on their order.
 */
final class CloudEventsProducer implements AutoCloseable {

  private static final int PARTITION = 0;

  private final KafkaProducer<String, String> producer;

  CloudEventsProducer(String bootstrapServers) {
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

  void publish(String topic, String eventId, String type, String subject, String data)
      throws InterruptedException, ExecutionException, TimeoutException {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, PARTITION, subject, data);
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", eventId);
    header(record, "ce_source", "/crossdesk/tests");
    header(record, "ce_type", type);
    header(record, "ce_subject", subject);
    header(record, "ce_time", Instant.now().toString());
    header(record, "content-type", "application/json");
    producer.send(record).get(10, TimeUnit.SECONDS);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close();
  }
}
