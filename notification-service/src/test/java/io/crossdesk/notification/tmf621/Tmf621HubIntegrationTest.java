package io.crossdesk.notification.tmf621;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketStatusChanged;
import io.crossdesk.notification.webhook.Receiver;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
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

/**
 * The TMF621 hub as another system uses it: registering a listener with a token carrying the {@code
 * tmf621} scope, receiving the notifications of its own tickets signed like every webhook, and
 * unregistering; errors are TMF Error resources.
 */
@CrossdeskIntegrationTest
class Tmf621HubIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String CONSUMER = "notification-service.webhooks";
  private static final String HUB = "/tmf-api/troubleTicket/v4/hub";
  private static final String ADMIN = TestTokens.admin();

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private CloudEventsProducer producer;
  private Receiver receiver;

  /** Waits until the webhook consumer has caught up, so listeners see only this test's events. */
  @BeforeEach
  void start() throws IOException {
    producer = CloudEventsProducer.forTestBroker();
    receiver = new Receiver();
    ProducerRecord<String, String> marker = opened(unique("T"), null);
    producer.send(marker);
    awaitConsumed(marker);
  }

  @AfterEach
  void stop() {
    producer.close();
    receiver.close();
  }

  @Test
  void a_listener_receives_the_signed_notifications_it_asked_for_of_its_own_tickets_only()
      throws Exception {
    String crm = unique("crm");
    String hq = unique("hq");
    Listener all = register(crm, "/tmf/" + unique("all"), null, "tmf621");
    Listener resolvedOnly =
        register(
            crm, "/tmf/" + unique("resolved"), "eventType=TroubleTicketResolvedEvent", "tmf621");
    Listener everyTicket = register(hq, "/tmf/" + unique("hq"), null, "tmf621 tickets:read-all");
    String ownTicket = unique("T");
    String otherTicket = unique("T");

    ProducerRecord<String, String> ownOpened = opened(ownTicket, crm);
    ProducerRecord<String, String> ownResolved =
        statusChanged(ownTicket, crm, "IN_PROGRESS", "RESOLVED");
    ProducerRecord<String, String> otherOpened = opened(otherTicket, unique("erp"));
    ProducerRecord<String, String> otherRouted =
        statusChanged(otherTicket, unique("erp"), "OPEN", "ROUTED");
    List<ProducerRecord<String, String>> events =
        List.of(ownOpened, ownResolved, otherOpened, otherRouted);
    events.forEach(producer::send);
    events.forEach(this::awaitConsumed);

    Set<String> ownNotifications =
        Set.of(
            id(ownOpened, "TroubleTicketCreateEvent"),
            id(ownResolved, "TroubleTicketStatusChangeEvent"),
            id(ownResolved, "TroubleTicketResolvedEvent"));
    assertThat(deliveries(all)).isEqualTo(ownNotifications);
    assertThat(deliveries(resolvedOnly))
        .containsExactly(id(ownResolved, "TroubleTicketResolvedEvent"));
    Set<String> everything = new HashSet<>(ownNotifications);
    everything.add(id(otherOpened, "TroubleTicketCreateEvent"));
    everything.add(id(otherRouted, "TroubleTicketStatusChangeEvent"));
    assertThat(deliveries(everyTicket)).isEqualTo(everything);

    Map<String, JsonNode> received = awaitReceived(all, ownNotifications);
    JsonNode created = received.get(id(ownOpened, "TroubleTicketCreateEvent"));
    assertThat(created.path("eventType").asString()).isEqualTo("TroubleTicketCreateEvent");
    assertThat(created.path("correlationId").asString()).isEqualTo(ownTicket);
    assertThat(created.path("domain").asString()).isEqualTo("troubleTicket");
    JsonNode ticket = created.path("event").path("troubleTicket");
    assertThat(ticket.path("id").asString()).isEqualTo(ownTicket);
    assertThat(ticket.path("href").asString())
        .isEqualTo("/tmf-api/troubleTicket/v4/troubleTicket/" + ownTicket);
    assertThat(ticket.path("status").asString()).isEqualTo("acknowledged");
    assertThat(ticket.path("priority").asString()).isEqualTo("High");
    assertThat(
            received
                .get(id(ownResolved, "TroubleTicketResolvedEvent"))
                .path("event")
                .path("troubleTicket")
                .path("status")
                .asString())
        .isEqualTo("resolved");
    awaitReceived(resolvedOnly, Set.of(id(ownResolved, "TroubleTicketResolvedEvent")));
    awaitReceived(everyTicket, everything);

    JsonNode asAdminSees =
        json.readTree(send("GET", "/api/webhooks/" + all.id(), null, ADMIN).body());
    assertThat(asAdminSees.path("format").asString()).isEqualTo("TMF621");
    assertThat(asAdminSees.path("allTickets").asBoolean()).isFalse();
    assertThat(asAdminSees.path("createdBy").asString()).isEqualTo(crm);
    String createdId = id(ownOpened, "TroubleTicketCreateEvent");
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                json.readTree(
                        send(
                                "GET",
                                "/api/webhooks/" + all.id() + "/deliveries/" + createdId,
                                null,
                                ADMIN)
                            .body())
                    .path("status")
                    .asString()
                    .equals("SUCCEEDED"));
    JsonNode logged =
        json.readTree(
            send("GET", "/api/webhooks/" + all.id() + "/deliveries/" + createdId, null, ADMIN)
                .body());
    assertThat(logged.path("eventType").asString()).isEqualTo("TroubleTicketCreateEvent");
    assertThat(logged.path("attempts").path(0).path("statusCode").asInt()).isEqualTo(204);
    for (Listener listener : List.of(all, resolvedOnly, everyTicket)) {
      assertThat(send("DELETE", HUB + "/" + listener.id(), null, listener.token()).statusCode())
          .isEqualTo(204);
    }
  }

  @Test
  void an_unregistered_listener_hears_nothing_more() throws Exception {
    String crm = unique("crm");
    Listener listener = register(crm, "/tmf/" + unique("gone"), null, "tmf621");
    String ticketId = unique("T");
    ProducerRecord<String, String> before = statusChanged(ticketId, crm, "OPEN", "ROUTED");
    producer.send(before);
    awaitReceived(listener, Set.of(id(before, "TroubleTicketStatusChangeEvent")));

    HttpResponse<String> removed =
        send("DELETE", HUB + "/" + listener.id(), null, listener.token());
    assertThat(removed.statusCode()).isEqualTo(204);
    ProducerRecord<String, String> after = statusChanged(ticketId, crm, "ROUTED", "RESOLVED");
    producer.send(after);
    awaitConsumed(after);

    assertThat(
            mongo.count(
                Query.query(Criteria.where("subscriptionId").is(listener.id())),
                "webhook_deliveries"))
        .isEqualTo(1);
    assertThat(receiver.at(listener.path())).hasSize(1);
    assertTmfError(send("DELETE", HUB + "/" + listener.id(), null, listener.token()), 404);
  }

  @Test
  void refuses_bad_callbacks_queries_and_bodies_with_a_tmf_error_and_stores_nothing()
      throws Exception {
    String crm = unique("crm");
    String token = system(crm, "tmf621");
    Map<String, String> refusals = new HashMap<>();
    refusals.put(body("ftp://crm.example.com/tmf", null), "callback");
    refusals.put(body("http://localhost:" + port + "/api/notifications", null), "callback");
    refusals.put(body("http://127.0.0.1:8080/tmf", null), "callback");
    refusals.put(
        json.writeValueAsString(Map.of("query", "eventType=TroubleTicketCreateEvent")), "callback");
    refusals.put(
        body(receiver.url("/tmf/x"), "eventType=TroubleTicketDeleteEvent"),
        "TroubleTicketDeleteEvent");
    refusals.put(body(receiver.url("/tmf/x"), "eventType=TroubleTicketFixedEvent"), "query");
    refusals.put(body(receiver.url("/tmf/x"), "status=resolved"), "query");
    refusals.put(
        body(receiver.url("/tmf/x"), "eventType=TroubleTicketCreateEvent&status=resolved"),
        "query");

    for (Map.Entry<String, String> refused : refusals.entrySet()) {
      JsonNode error = assertTmfError(send("POST", HUB, refused.getKey(), token), 400);
      assertThat(error.path("message").asString())
          .as(refused.getKey())
          .contains(refused.getValue());
    }
    JsonNode malformed = assertTmfError(send("POST", HUB, "{\"callback\": ", token), 400);
    assertThat(malformed.path("reason").asString()).isEqualTo("Unreadable body");
    HttpResponse<String> notJson =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + HUB))
                .POST(HttpRequest.BodyPublishers.ofString("callback=" + receiver.url("/tmf/x")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTmfError(notJson, 415);
    assertThat(
            mongo.count(Query.query(Criteria.where("createdBy").is(crm)), "webhook_subscriptions"))
        .isZero();
  }

  @Test
  void only_systems_with_the_tmf621_scope_use_the_hub() throws Exception {
    String body = body(receiver.url("/tmf/denied"), null);
    String withoutScope = system(unique("crm"), "tickets:read-all");

    assertProblem(send("POST", HUB, body, withoutScope), 403);
    assertProblem(send("DELETE", HUB + "/any", null, withoutScope), 403);
    assertProblem(
        send(
            "POST",
            HUB,
            body,
            TestTokens.bearer("agent-7", List.of("AGENT"), Map.of("scope", "tmf621"))),
        403);
    assertProblem(send("POST", HUB, body, ADMIN), 403);
    assertProblem(send("POST", HUB, body, null), 401);
    assertThat(
            mongo.count(
                Query.query(Criteria.where("url").is(receiver.url("/tmf/denied"))),
                "webhook_subscriptions"))
        .isZero();
  }

  @Test
  void a_system_removes_only_its_own_listeners() throws Exception {
    Listener crms = register(unique("crm"), "/tmf/" + unique("crm"), null, "tmf621");
    String erp = unique("erp");
    String erpToken = system(erp, "tmf621 webhooks");
    HttpResponse<String> webhook =
        send(
            "POST",
            "/api/webhooks",
            json.writeValueAsString(
                Map.of(
                    "url",
                    receiver.url("/hooks/erp"),
                    "eventTypes",
                    List.of(EventTypes.TICKET_OPENED))),
            erpToken);
    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
    String webhookId = json.readTree(webhook.body()).path("id").asString();

    assertTmfError(send("DELETE", HUB + "/" + crms.id(), null, erpToken), 404);
    assertTmfError(send("DELETE", HUB + "/" + webhookId, null, erpToken), 404);
    assertTmfError(send("DELETE", HUB + "/" + unique("nothing"), null, erpToken), 404);
    assertThat(send("GET", "/api/webhooks/" + crms.id(), null, ADMIN).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/webhooks/" + webhookId, null, ADMIN).statusCode()).isEqualTo(200);

    assertThat(send("DELETE", HUB + "/" + crms.id(), null, crms.token()).statusCode())
        .isEqualTo(204);
    assertThat(send("DELETE", "/api/webhooks/" + webhookId, null, erpToken).statusCode())
        .isEqualTo(204);
  }

  /** A registered listener: its id, where it listens, its secret and its system's token. */
  private record Listener(String id, String path, String secret, String token) {}

  private Listener register(String system, String path, String query, String scope)
      throws Exception {
    String token = system(system, scope);
    HttpResponse<String> created = send("POST", HUB, body(receiver.url(path), query), token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode subscription = json.readTree(created.body());
    String id = subscription.path("id").asString();
    assertThat(subscription.path("callback").asString()).isEqualTo(receiver.url(path));
    if (query == null) {
      assertThat(subscription.has("query")).isFalse();
    } else {
      assertThat(subscription.path("query").asString()).isEqualTo(query);
    }
    assertThat(created.headers().firstValue("Location")).contains(HUB + "/" + id);
    String secret = created.headers().firstValue("Crossdesk-Webhook-Secret").orElse("");
    assertThat(secret).startsWith("whsec_");
    return new Listener(id, path, secret, token);
  }

  /** The notifications stored for the listener, by id: every one it will ever be sent. */
  private Set<String> deliveries(Listener listener) {
    return mongo
        .find(
            Query.query(Criteria.where("subscriptionId").is(listener.id())),
            Document.class,
            "webhook_deliveries")
        .stream()
        .map(delivery -> delivery.getString("eventId"))
        .collect(Collectors.toSet());
  }

  /**
   * Waits for exactly {@code ids} at the listener, each once and signed with its secret; answers
   * their bodies by id.
   */
  private Map<String, JsonNode> awaitReceived(Listener listener, Set<String> ids) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                receiver.at(listener.path()).stream()
                    .map(one -> one.header("webhook-id"))
                    .collect(Collectors.toSet())
                    .equals(ids));
    List<Received> all = receiver.at(listener.path());
    assertThat(all).hasSize(ids.size());
    Map<String, JsonNode> bodies = new HashMap<>();
    for (Received one : all) {
      assertThatCode(() -> new Webhook(listener.secret()).verify(one.body(), one.headers()))
          .doesNotThrowAnyException();
      assertThat(one.header("content-type")).isEqualTo("application/json");
      JsonNode body = json.readTree(one.body());
      assertThat(body.path("eventId").asString()).isEqualTo(one.header("webhook-id"));
      bodies.put(one.header("webhook-id"), body);
    }
    return bodies;
  }

  private void awaitConsumed(ProducerRecord<String, String> event) {
    ConsumerGroups.awaitConsumed(
        CONSUMER, producer.positionOf(CloudEventsProducer.eventId(event)), PATIENCE);
  }

  private static String id(ProducerRecord<String, String> event, String tmfType) {
    return CloudEventsProducer.eventId(event) + ":" + tmfType;
  }

  private ProducerRecord<String, String> opened(String ticketId, String sourceSystem) {
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
            sourceSystem == null ? "agent-7" : sourceSystem,
            sourceSystem,
            sourceSystem == null ? null : unique("EXT"),
            Instant.parse("2025-03-04T09:14:00Z"),
            Instant.parse("2025-03-05T13:14:00Z"),
            null,
            null,
            "agent-7",
            null,
            null);
    return CloudEventsProducer.event(
        Topics.TICKETS, ticketId, EventTypes.TICKET_OPENED, json.writeValueAsString(ticket));
  }

  private ProducerRecord<String, String> statusChanged(
      String ticketId, String sourceSystem, String from, String to) {
    TicketStatusChanged changed =
        new TicketStatusChanged(
            ticketId,
            "T-2025-" + ticketId,
            unique("C"),
            sourceSystem,
            null,
            from,
            to,
            "Replaced the router",
            "agent-7",
            Instant.parse("2025-03-04T10:00:00Z"));
    return CloudEventsProducer.event(
        Topics.TICKETS,
        ticketId,
        EventTypes.TICKET_STATUS_CHANGED,
        json.writeValueAsString(changed));
  }

  private String body(String callback, String query) {
    Map<String, String> body = new HashMap<>();
    body.put("callback", callback);
    if (query != null) {
      body.put("query", query);
    }
    return json.writeValueAsString(body);
  }

  private static String system(String subject, String scope) {
    return TestTokens.bearer(subject, List.of("SYSTEM"), Map.of("scope", scope));
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

  private JsonNode assertTmfError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode error = json.readTree(response.body());
    assertThat(error.path("code").asString()).isEqualTo(String.valueOf(status));
    assertThat(error.path("reason").asString()).isNotBlank();
    assertThat(error.path("message").asString()).isNotBlank();
    assertThat(error.path("status").asString()).isEqualTo(String.valueOf(status));
    assertThat(error.path("@type").asString()).isEqualTo("Error");
    return error;
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
