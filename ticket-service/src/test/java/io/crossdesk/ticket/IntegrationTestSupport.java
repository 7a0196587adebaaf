package io.crossdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against real Kafka and a MongoDB-compatible server, driven as its clients drive
 * it: HTTP with bearer tokens, CloudEvents in Kafka binary mode. Every integration test class
 * extends this one so that they share one application context (and so one set of consumers).
 */
@CrossdeskIntegrationTest
public abstract class IntegrationTestSupport {

  protected static final Duration ASYNC = Duration.ofSeconds(60);

  /** customer-service as far as ticket-service's synchronous fallback is concerned. */
  protected static final StandInCustomerService CUSTOMER_SERVICE = StandInCustomerService.start();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final KafkaProducer<String, String> PRODUCER =
      new KafkaProducer<>(
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              TestInfrastructure.get().kafkaBootstrapServers(),
              ProducerConfig.ACKS_CONFIG,
              "all"),
          new StringSerializer(),
          new StringSerializer());

  @DynamicPropertySource
  static void customerService(DynamicPropertyRegistry properties) {
    properties.add("crossdesk.services.customer-uri", () -> CUSTOMER_SERVICE.uri().toString());
  }

  @LocalServerPort protected int port;
  @Autowired protected JsonMapper json;
  @Autowired protected MongoTemplate mongo;

  protected static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  protected HttpResponse<String> post(String path, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(authorization == null ? request : request.header("Authorization", authorization));
  }

  protected HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    return send(authorization == null ? request : request.header("Authorization", authorization));
  }

  protected JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  protected static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  /** Publishes a CloudEvent in binary mode, as another service or system would; returns its id. */
  protected static String publish(
      String topic, String key, String type, String subject, String data) {
    return publish(topic, key, data, ceHeaders(type, subject));
  }

  protected static String publish(
      String topic, String key, String data, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
    headers.forEach(
        (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    try {
      PRODUCER.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
    return headers.get("ce_id");
  }

  protected static Map<String, String> ceHeaders(String type, String subject) {
    return Map.of(
        "ce_specversion",
        "1.0",
        "ce_id",
        UUID.randomUUID().toString(),
        "ce_source",
        "/tests/ticket-service",
        "ce_type",
        type,
        "ce_subject",
        subject,
        "ce_time",
        Instant.now().toString(),
        "content-type",
        "application/json");
  }

  /** A customer registered with customer-service, once ticket-service's projection has them. */
  protected void registerCustomer(String customerId, String tier) {
    String data =
        """
        {"customerId":"%s","name":"Customer %s","type":"ENTERPRISE","tier":"%s",
         "phone":null,"email":"it@example.com","registeredAt":"%s"}"""
            .formatted(customerId, customerId, tier, Instant.now());
    publish(Topics.CUSTOMERS, customerId, "crossdesk.customer.registered.v1", customerId, data);
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> mongo.findById(customerId, Document.class, "customers") != null);
  }

  /** Waits until the named consumer has processed the event (the platform records it). */
  protected void awaitProcessed(String consumer, String eventId) {
    Awaitility.await()
        .atMost(ASYNC)
        .until(
            () ->
                mongo.findById(consumer + ":" + eventId, Document.class, "processed_events")
                    != null);
  }

  protected static void assertSchemaValid(String type, String data) {
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), data)).isEmpty();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
