package io.crossdesk.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.events.EventSchemas;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
class NotificationServiceIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Instant OPENED_AT = Instant.parse("2025-03-04T09:14:00Z");
  private static final Instant RESOLVE_BY = Instant.parse("2025-03-05T13:14:00Z");

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired MongoTemplate mongo;

  private final HttpClient http = HttpClient.newHttpClient();
  private CloudEventsProducer producer;

  @BeforeEach
  void connect() {
    producer = CloudEventsProducer.forTestBroker();
  }

  @AfterEach
  void disconnect() {
    producer.close();
  }

  @Test
  void acknowledges_each_opened_ticket_once_by_email_to_the_registered_customer() throws Exception {
    String customerId = uniqueId("C");
    String first = uniqueId("T");
    String second = uniqueId("T");
    registerCustomer(customerId, "ada@example.org", "+441234567");
    ProducerRecord<String, String> firstOpened =
        ticketOpened(ticket(first, customerId, "No internet since Monday"));

    producer.send(firstOpened);
    producer.send(firstOpened);
    producer.publish(
        Topics.TICKETS, first, "crossdesk.ticket.resolved.v1", "{\"ticketId\":\"" + first + "\"}");
    publishTicketOpened(ticket(second, customerId, "Wrong bill"));
    awaitConsumedBehind(first);

    List<JsonNode> notifications =
        awaitNotifications(
            "?customerId=" + customerId,
            TestTokens.agent(),
            found ->
                found.stream().anyMatch(n -> n.path("ticketId").asString().equals(second))
                    && found.stream()
                        .allMatch(n -> "ada@example.org".equals(text(n, "recipient"))));

    assertThat(notifications).hasSize(2);
    assertThat(notifications)
        .extracting(n -> n.path("ticketId").asString())
        .containsExactlyInAnyOrder(first, second);
    assertThat(Instant.parse(notifications.get(0).path("createdAt").asString()))
        .isAfterOrEqualTo(Instant.parse(notifications.get(1).path("createdAt").asString()));
    JsonNode acknowledgement =
        notifications.stream()
            .filter(n -> n.path("ticketId").asString().equals(first))
            .findFirst()
            .orElseThrow();
    assertThat(acknowledgement.path("eventId").asString())
        .isEqualTo(CloudEventsProducer.eventId(firstOpened));
    assertThat(acknowledgement.path("customerId").asString()).isEqualTo(customerId);
    assertThat(acknowledgement.path("channel").asString()).isEqualTo("EMAIL");
    assertThat(acknowledgement.path("template").asString()).isEqualTo("ticket-received");
    assertThat(acknowledgement.path("status").asString()).isEqualTo("QUEUED");
    assertThat(acknowledgement.path("subject").asString())
        .isEqualTo("We have received your request: No internet since Monday");
    assertThat(acknowledgement.path("body").asString())
        .contains("ticket " + first)
        .contains("2025-03-05 13:14 UTC");
    assertThat(acknowledgement.path("id").asString()).isNotBlank();
  }

  @Test
  void does_not_acknowledge_a_ticket_twice_when_its_event_is_delivered_again() throws Exception {
    String customerId = uniqueId("C");
    String replayed = uniqueId("T");
    ProducerRecord<String, String> opened =
        ticketOpened(ticket(replayed, customerId, "Router keeps rebooting"));
    producer.send(opened);
    awaitNotifications(
        "?ticketId=" + replayed, TestTokens.supervisor(), found -> found.size() == 1);

    // As after a crash before the offset was committed, or a second publish of the same event.
    producer.send(opened);
    awaitConsumedBehind(replayed);

    assertThat(awaitNotifications("?customerId=" + customerId, TestTokens.admin(), found -> true))
        .extracting(n -> n.path("ticketId").asString())
        .containsExactly(replayed);
  }

  @Test
  void queues_the_acknowledgement_unaddressed_until_the_customer_is_known() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    publishTicketOpened(ticket(ticketId, customerId, "Slow line"));

    JsonNode waiting =
        awaitNotifications("?ticketId=" + ticketId, TestTokens.agent(), found -> found.size() == 1)
            .get(0);
    assertThat(waiting.path("channel").asString()).isEqualTo("SMS");
    assertThat(waiting.path("recipient").isNull()).isTrue();

    registerCustomer(customerId, null, "+4930123456");

    JsonNode addressed =
        awaitNotifications(
                "?ticketId=" + ticketId,
                TestTokens.agent(),
                found -> found.size() == 1 && "+4930123456".equals(text(found.get(0), "recipient")))
            .get(0);
    assertThat(addressed.path("channel").asString()).isEqualTo("SMS");
    assertThat(addressed.path("id").asString()).isEqualTo(waiting.path("id").asString());
  }

  @Test
  void lets_a_customer_read_only_their_own_notifications() throws Exception {
    String customerId = uniqueId("C");
    String ticketId = uniqueId("T");
    publishTicketOpened(ticket(ticketId, customerId, "Lost SIM"));

    List<JsonNode> own =
        awaitNotifications("", TestTokens.customer(customerId), found -> found.size() == 1);
    assertThat(own.get(0).path("ticketId").asString()).isEqualTo(ticketId);
    assertThat(
            get(
                    "?customerId=" + customerId + "&ticketId=" + ticketId,
                    TestTokens.customer(customerId))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> other =
        get("?customerId=" + customerId, TestTokens.customer(uniqueId("C")));
    assertProblem(other, 403);
  }

  @Test
  void answers_401_without_a_token_and_403_for_roles_that_do_not_read_notifications()
      throws Exception {
    assertProblem(get("", null), 401);
    assertProblem(get("", TestTokens.department("billing")), 403);
    assertProblem(get("", TestTokens.bearer("erp", List.of("SYSTEM"), Map.of())), 403);
  }

  @Test
  void rejects_malformed_filters_with_the_offending_field() throws Exception {
    HttpResponse<String> response = get("?customerId=C%201%3B%20drop", TestTokens.agent());

    assertProblem(response, 400);
    JsonNode errors = json.readTree(response.body()).path("errors");
    assertThat(errors.size()).isEqualTo(1);
    assertThat(errors.path(0).path("field").asString()).isEqualTo("customerId");
  }

  @Test
  void dead_letters_a_ticket_event_that_violates_its_contract_and_stores_nothing()
      throws Exception {
    String customerId = uniqueId("C");
    String withoutTitle = "{\"ticketId\":\"T-x\",\"customerId\":\"" + customerId + "\"}";
    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.TICKETS))) {
      String eventId =
          producer.publish(Topics.TICKETS, "T-x", EventTypes.TICKET_OPENED, withoutTitle);

      ConsumerRecord<String, String> dead =
          deadLetters.await(
              record -> eventId.equals(TopicRecorder.header(record, "ce_id")), PATIENCE);
      assertThat(TopicRecorder.header(dead, "crossdesk_dlt_reason")).contains("violates");
    }
    assertThat(
            mongo.count(Query.query(Criteria.where("customerId").is(customerId)), "notifications"))
        .isZero();
  }

  @Test
  void reports_its_health_without_a_token() throws Exception {
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(body.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
  }

  private void registerCustomer(String customerId, String email, String phone) {
    CustomerRegistered registered =
        new CustomerRegistered(
            customerId, "Ada Lovelace", "INDIVIDUAL", "A", phone, email, OPENED_AT);
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.CUSTOMERS,
                customerId,
                EventTypes.CUSTOMER_REGISTERED,
                json.writeValueAsString(registered))));
  }

  private void publishTicketOpened(TicketOpened ticket) {
    producer.send(ticketOpened(ticket));
  }

  /** A TicketOpened event as ticket-service publishes it, keyed by the ticket. */
  private ProducerRecord<String, String> ticketOpened(TicketOpened ticket) {
    return valid(
        CloudEventsProducer.event(
            Topics.TICKETS,
            ticket.ticketId(),
            EventTypes.TICKET_OPENED,
            json.writeValueAsString(ticket)));
  }

  /** Checks the event's data against its contract, so a test never sends junk by mistake. */
  private static ProducerRecord<String, String> valid(ProducerRecord<String, String> event) {
    String type = new String(event.headers().lastHeader("ce_type").value(), UTF_8);
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), event.value()))
        .isEmpty();
    return event;
  }

  /**
   * Waits until everything published so far under {@code key} has been consumed: an acknowledgement
   * for a ticket sent behind it on the same partition is queued only after them.
   */
  private void awaitConsumedBehind(String key) {
    String marker = uniqueId("T");
    producer.send(
        valid(
            CloudEventsProducer.event(
                Topics.TICKETS,
                key,
                EventTypes.TICKET_OPENED,
                json.writeValueAsString(ticket(marker, uniqueId("C"), "Marker")))));
    awaitNotifications("?ticketId=" + marker, TestTokens.agent(), found -> found.size() == 1);
  }

  private static TicketOpened ticket(String ticketId, String customerId, String title) {
    return new TicketOpened(
        ticketId,
        customerId,
        "A",
        "HOTLINE",
        "NETWORK",
        "HIGH",
        title,
        null,
        "agent-7",
        null,
        null,
        OPENED_AT,
        RESOLVE_BY,
        null,
        null,
        null,
        null,
        null);
  }

  private List<JsonNode> awaitNotifications(
      String query, String bearer, Predicate<List<JsonNode>> done) {
    List<JsonNode> found = new ArrayList<>();
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> response = get(query, bearer);
              assertThat(response.statusCode()).isEqualTo(200);
              found.clear();
              json.readTree(response.body()).values().forEach(found::add);
              return done.test(found);
            });
    return found;
  }

  private HttpResponse<String> get(String query, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/notifications" + query));
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
