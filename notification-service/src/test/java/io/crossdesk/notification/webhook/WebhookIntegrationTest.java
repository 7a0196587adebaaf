package io.crossdesk.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.webhook.Receiver.Received;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.ConsumerGroups;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrossdeskIntegrationTest
class WebhookIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String OPENED = EventTypes.TICKET_OPENED;
  private static final String CONSUMER = "notification-service.webhooks";
  private static final String ADMIN = TestTokens.admin();
  private static final String SYSTEM =
      TestTokens.bearer("erp", List.of("SYSTEM"), Map.of("scope", "webhooks"));

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private CloudEventsProducer producer;
  private Receiver receiver;

  /**
   * Waits until the webhook consumer has caught up with the tickets topic, so that the
   * subscriptions a test makes see only the events it publishes.
   */
  @BeforeEach
  void start() throws IOException {
    producer = CloudEventsProducer.forTestBroker();
    receiver = new Receiver();
    ProducerRecord<String, String> marker = ticketOpened(unique("T"));
    producer.send(marker);
    ConsumerGroups.awaitConsumed(
        CONSUMER, producer.positionOf(CloudEventsProducer.eventId(marker)), PATIENCE);
  }

  @AfterEach
  void stop() {
    producer.close();
    receiver.close();
  }

  @Test
  void delivers_a_subscribed_event_once_signed_even_when_it_is_consumed_twice() throws Exception {
    String path = "/hooks/" + unique("ok");
    JsonNode subscription = subscribe(receiver.url(path), List.of(OPENED), SYSTEM);
    String ticketId = unique("T");
    ProducerRecord<String, String> opened = ticketOpened(ticketId);

    producer.send(opened);
    producer.send(opened);
    String eventId = CloudEventsProducer.eventId(opened);
    ConsumerGroups.awaitConsumed(CONSUMER, producer.positionOf(eventId), PATIENCE);
    // An event behind them on the same partition reaches the receiver only after the second copy
    // was consumed and its delivery, had it made one, tried.
    ProducerRecord<String, String> behind = ticketOpened(ticketId);
    producer.send(behind);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                receiver.at(path).stream()
                    .anyMatch(
                        one ->
                            one.header("webhook-id").equals(CloudEventsProducer.eventId(behind))));

    List<Received> copies =
        receiver.at(path).stream().filter(one -> one.header("webhook-id").equals(eventId)).toList();
    assertThat(copies).hasSize(1);
    Received delivered = copies.get(0);
    assertThatCode(
            () ->
                new Webhook(subscription.path("secret").asString())
                    .verify(delivered.body(), delivered.headers()))
        .doesNotThrowAnyException();
    assertThat(delivered.header("content-type")).startsWith("application/cloudevents+json");
    JsonNode body = json.readTree(delivered.body());
    assertThat(body.path("specversion").asString()).isEqualTo("1.0");
    assertThat(body.path("id").asString()).isEqualTo(eventId);
    assertThat(body.path("type").asString()).isEqualTo(OPENED);
    assertThat(body.path("subject").asString()).isEqualTo(ticketId);
    assertThat(body.path("datacontenttype").asString()).isEqualTo("application/json");
    assertThat(body.path("data").path("ticketId").asString()).isEqualTo(ticketId);

    String id = subscription.path("id").asString();
    JsonNode delivery =
        awaitJson(
            "/api/webhooks/" + id + "/deliveries/" + eventId,
            found -> found.path("status").asString().equals("SUCCEEDED"));
    assertThat(delivery.path("attempts").size()).isEqualTo(1);
    assertThat(delivery.path("attempts").path(0).path("statusCode").asInt()).isEqualTo(204);
    assertThat(delivery.path("attempts").path(0).has("durationMillis")).isTrue();
    JsonNode page = json.readTree(get("/api/webhooks/" + id + "/deliveries", ADMIN).body());
    assertThat(page.size()).isEqualTo(2);
    assertThat(page.path(0).path("eventId").asString())
        .isEqualTo(CloudEventsProducer.eventId(behind));
  }

  @Test
  void retries_a_failing_subscriber_then_disables_it_and_a_replay_sends_again() throws Exception {
    String path = "/hooks/" + unique("down");
    receiver.answer(path, 500);
    JsonNode subscription = subscribe(receiver.url(path), List.of(OPENED), ADMIN);
    String id = subscription.path("id").asString();
    ProducerRecord<String, String> opened = ticketOpened(unique("T"));
    producer.send(opened);
    String eventId = CloudEventsProducer.eventId(opened);

    JsonNode disabled =
        awaitJson("/api/webhooks/" + id, found -> !found.path("enabled").asBoolean());
    assertThat(disabled.path("disabledReason").asString()).contains("given up");
    assertThat(disabled.has("secret")).isFalse();
    JsonNode given =
        awaitJson(
            "/api/webhooks/" + id + "/deliveries/" + eventId,
            found -> found.path("status").asString().equals("GIVEN_UP"));
    assertThat(given.path("attempts").size()).isEqualTo(3);
    given.path("attempts").forEach(a -> assertThat(a.path("statusCode").asInt()).isEqualTo(500));
    List<Received> tries = receiver.at(path);
    assertThat(tries).hasSize(3).allMatch(one -> one.header("webhook-id").equals(eventId));
    for (Received one : tries) {
      assertThatCode(
              () ->
                  new Webhook(subscription.path("secret").asString())
                      .verify(one.body(), one.headers()))
          .doesNotThrowAnyException();
    }

    receiver.answer(path, 200);
    HttpResponse<String> replayed =
        send("POST", "/api/webhooks/" + id + "/deliveries/" + eventId + "/replay", null, ADMIN);

    assertThat(replayed.statusCode()).isEqualTo(200);
    JsonNode after = json.readTree(replayed.body());
    assertThat(after.path("status").asString()).isEqualTo("SUCCEEDED");
    JsonNode last = after.path("attempts").path(3);
    assertThat(last.path("replay").asBoolean()).isTrue();
    assertThat(last.path("statusCode").asInt()).isEqualTo(200);
    assertThat(receiver.at(path)).hasSize(4);
  }

  @Test
  void signs_with_both_secrets_while_a_rotation_lasts() throws Exception {
    String path = "/hooks/" + unique("rotating");
    JsonNode subscription = subscribe(receiver.url(path), List.of(OPENED), ADMIN);
    String id = subscription.path("id").asString();
    HttpResponse<String> rotation = send("POST", "/api/webhooks/" + id + "/secrets", null, ADMIN);
    assertThat(rotation.statusCode()).isEqualTo(201);
    JsonNode rotated = json.readTree(rotation.body());
    assertThat(rotated.path("secrets").size()).isEqualTo(2);

    producer.send(ticketOpened(unique("T")));
    await().atMost(PATIENCE).until(() -> !receiver.at(path).isEmpty());

    Received delivered = receiver.at(path).get(0);
    assertThat(delivered.header("webhook-signature").split(" ")).hasSize(2);
    for (String secret :
        List.of(subscription.path("secret").asString(), rotated.path("secret").asString())) {
      assertThatCode(() -> new Webhook(secret).verify(delivered.body(), delivered.headers()))
          .doesNotThrowAnyException();
    }
    HttpResponse<String> removed =
        send("DELETE", "/api/webhooks/" + id + "/secrets/1", null, ADMIN);
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(json.readTree(removed.body()).path("secrets").path(0).path("number").asInt())
        .isEqualTo(2);
  }

  @Test
  void refuses_urls_outside_http_or_at_the_system_itself_naming_the_field_and_stores_nothing()
      throws Exception {
    for (String url :
        List.of(
            "ftp://erp.example.com/hooks",
            "http://localhost:" + port + "/api/notifications",
            "http://127.0.0.1:8080/api/tickets")) {
      HttpResponse<String> refused =
          send("POST", "/api/webhooks", request(url, List.of(OPENED)), ADMIN);

      assertProblem(refused, 400);
      JsonNode errors = json.readTree(refused.body()).path("errors");
      assertThat(errors.size()).isEqualTo(1);
      assertThat(errors.path(0).path("field").asString()).isEqualTo("url");
      assertThat(mongo.count(Query.query(Criteria.where("url").is(url)), "webhook_subscriptions"))
          .isZero();
    }
    HttpResponse<String> unknownType =
        send(
            "POST",
            "/api/webhooks",
            request(receiver.url("/x"), List.of("crossdesk.nothing.v1")),
            ADMIN);
    assertProblem(unknownType, 400);
    assertThat(json.readTree(unknownType.body()).path("errors").path(0).path("field").asString())
        .isEqualTo("eventTypes");
  }

  @Test
  void only_administrators_and_other_systems_manage_webhooks() throws Exception {
    String body = request(receiver.url("/hooks/agent"), List.of(OPENED));

    assertProblem(send("POST", "/api/webhooks", body, TestTokens.agent()), 403);
    assertProblem(get("/api/webhooks", TestTokens.agent()), 403);
    assertProblem(get("/api/webhooks", TestTokens.supervisor()), 403);
    assertProblem(get("/api/webhooks", null), 401);
    assertThat(get("/api/webhooks", SYSTEM).statusCode()).isEqualTo(200);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("url").is(receiver.url("/hooks/agent"))),
                "webhook_subscriptions"))
        .isZero();
  }

  private JsonNode subscribe(String url, List<String> types, String bearer) throws Exception {
    HttpResponse<String> created = send("POST", "/api/webhooks", request(url, types), bearer);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode subscription = json.readTree(created.body());
    assertThat(subscription.path("secret").asString()).startsWith("whsec_");
    return subscription;
  }

  private String request(String url, List<String> types) {
    return json.writeValueAsString(
        Map.of("url", url, "eventTypes", types, "description", "test subscriber"));
  }

  private ProducerRecord<String, String> ticketOpened(String ticketId) {
    TicketOpened ticket =
        new TicketOpened(
            ticketId,
            unique("C"),
            "A",
            "HOTLINE",
            "NETWORK",
            "HIGH",
            "No signal",
            null,
            "agent-7",
            null,
            null,
            Instant.parse("2025-03-04T09:14:00Z"),
            Instant.parse("2025-03-05T13:14:00Z"),
            null,
            null,
            null,
            null,
            null);
    return CloudEventsProducer.event(
        Topics.TICKETS, ticketId, OPENED, json.writeValueAsString(ticket));
  }

  private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> done) {
    JsonNode[] found = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> response = get(path, ADMIN);
              if (response.statusCode() != 200) {
                return false;
              }
              found[0] = json.readTree(response.body());
              return done.test(found[0]);
            });
    return found[0];
  }

  private HttpResponse<String> get(String path, String bearer)
      throws IOException, InterruptedException {
    return send("GET", path, null, bearer);
  }

  private HttpResponse<String> send(String method, String path, String body, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
