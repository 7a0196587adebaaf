package io.crossdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.consumer.DeadLetterProperties;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.ConsumerGroups;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
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
  private static final CloudEventsProducer EVENTS = CloudEventsProducer.forTestBroker();

  @DynamicPropertySource
  static void serviceUnderTest(DynamicPropertyRegistry properties) {
    properties.add("crossdesk.services.customer-uri", () -> CUSTOMER_SERVICE.uri().toString());
    // As production often runs: the service must create the indexes it relies on by itself.
    properties.add("spring.data.mongodb.auto-index-creation", () -> "false");
  }

  @LocalServerPort protected int port;
  @Autowired protected JsonMapper json;
  @Autowired protected MongoTemplate mongo;
  @Autowired protected DeadLetterProperties deadLetters;
  @Autowired protected MeterRegistry meters;

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

  protected HttpResponse<String> put(String path, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    return send(authorization == null ? request : request.header("Authorization", authorization));
  }

  protected HttpResponse<String> patch(
      String path, String contentType, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    return send(authorization == null ? request : request.header("Authorization", authorization));
  }

  protected HttpResponse<String> delete(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
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

  /**
   * Publishes a CloudEvent in binary mode (subject = key), as another service or system would;
   * returns its id.
   */
  protected static String publish(String topic, String key, String type, String data) {
    return EVENTS.publish(topic, key, type, data);
  }

  /**
   * Publishes a record exactly as given, e.g. one made by {@link CloudEventsProducer#event} and
   * then altered, or one that is no CloudEvent at all.
   */
  protected static void publishRecord(ProducerRecord<String, String> record) {
    EVENTS.send(record);
  }

  /** A customer registered with customer-service, once ticket-service's projection has them. */
  protected void registerCustomer(String customerId, String tier) {
    String data =
        """
        {"customerId":"%s","name":"Customer %s","type":"ENTERPRISE","tier":"%s",
         "phone":null,"email":"it@example.com","registeredAt":"%s"}"""
            .formatted(customerId, customerId, tier, Instant.now());
    publish(Topics.CUSTOMERS, customerId, EventTypes.CUSTOMER_REGISTERED, data);
    Awaitility.await()
        .atMost(ASYNC)
        .until(() -> mongo.findById(customerId, Document.class, "customers") != null);
  }

  /**
   * workorder-service routes a ticket's work order to a department; returns the event id. {@code
   * routedAt} is by workorder-service's clock.
   */
  protected static String routeWorkOrder(
      String workOrderId, String ticketId, String customerId, String department, Instant routedAt) {
    String data =
        """
        {"workOrderId":"%s","ticketId":"%s","customerId":"%s","category":"NETWORK",
         "department":"%s","routingRule":"network-faults","routedAt":"%s"}"""
            .formatted(workOrderId, ticketId, customerId, department, routedAt);
    return publish(Topics.WORKORDERS, workOrderId, EventTypes.WORKORDER_ROUTED, data);
  }

  /** Waits until the named consumer (its group) is done with the event this class published. */
  protected void awaitProcessed(String consumer, String eventId) {
    ConsumerGroups.awaitConsumed(consumer, EVENTS.positionOf(eventId), ASYNC);
  }

  /**
   * Deliveries of events to the listener that failed so far, as Spring Kafka's listener timers
   * count them (one per attempt, retries included).
   */
  protected long failedDeliveries(String listenerId) {
    return meters
        .find("spring.kafka.listener")
        .tag("name", container -> container.startsWith(listenerId + "-"))
        .tag("result", "failure")
        .timers()
        .stream()
        .mapToLong(Timer::count)
        .sum();
  }

  /**
   * Waits until the listener has failed more often since {@code before} than the platform retries
   * an ordinary failure: what it does for an event that refers to something not known yet.
   */
  protected void awaitRetriedLongerThanOrdinaryFailures(String listenerId, long before) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(failedDeliveries(listenerId) - before)
                    .isGreaterThan(1L + deadLetters.maxRetries()));
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
