package io.crossdesk.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
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
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPI projection over real Kafka and MongoDB-compatible servers. All tests share one database,
 * so each uses its own categories and channels and compares event and department counts before and
 * after; only {@link #measures_the_time_from_opening_to_routing_of_each_work_order} routes tickets.
 */
@CrossdeskIntegrationTest
class AnalyticsServiceIntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Instant OPENED_AT = Instant.parse("2025-03-04T09:00:00Z");

  @LocalServerPort int port;
  @Autowired JsonMapper json;

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
  void counts_every_event_once_by_type_and_opened_tickets_by_category_and_channel()
      throws Exception {
    JsonNode before = summary(TestTokens.supervisor());
    String category = unique("NETWORK");
    String hotline = unique("HOTLINE");
    String web = unique("WEB");
    TicketOpened first = ticket(unique("T"), category, hotline, OPENED_AT);
    ProducerRecord<String, String> firstOpened =
        event(Topics.TICKETS, first.ticketId(), EventTypes.TICKET_OPENED, first);

    publish(event(Topics.CUSTOMERS, unique("C"), EventTypes.CUSTOMER_REGISTERED, customer()));
    producer.send(firstOpened);
    producer.send(firstOpened);
    producer.publish(
        Topics.TICKETS,
        first.ticketId(),
        "crossdesk.ticket.escalated.v1",
        "{\"ticketId\":\"" + first.ticketId() + "\",\"level\":1}");
    TicketOpened second = ticket(unique("T"), category, web, OPENED_AT);
    publish(event(Topics.TICKETS, second.ticketId(), EventTypes.TICKET_OPENED, second));

    // The escalation follows the redelivery on its partition: once it counts, both were consumed.
    JsonNode after =
        awaitSummary(
            TestTokens.agent(),
            kpis ->
                count(kpis, "ticketsByChannel", web) == 1
                    && delta(before, kpis, "crossdesk.ticket.escalated.v1") == 1
                    && delta(before, kpis, EventTypes.CUSTOMER_REGISTERED) == 1);

    assertThat(count(after, "ticketsByCategory", category)).isEqualTo(2);
    assertThat(count(after, "ticketsByChannel", hotline)).isEqualTo(1);
    assertThat(delta(before, after, EventTypes.TICKET_OPENED)).isEqualTo(2);
  }

  @Test
  void measures_the_time_from_opening_to_routing_of_each_work_order() throws Exception {
    JsonNode before = summary(TestTokens.admin());
    TicketOpened slow = ticket(unique("T"), unique("NETWORK"), "HOTLINE", OPENED_AT);
    TicketOpened quick = ticket(unique("T"), unique("BILLING"), "WEB", OPENED_AT);
    WorkOrderRouted slowRouting = routed(slow, "network-ops", OPENED_AT.plusSeconds(90));
    WorkOrderRouted quickRouting = routed(quick, "billing", OPENED_AT.plusSeconds(30));
    ProducerRecord<String, String> slowRouted =
        event(
            Topics.WORKORDERS, slowRouting.workOrderId(), EventTypes.WORKORDER_ROUTED, slowRouting);

    // Published twice: counted once.
    producer.send(slowRouted);
    producer.send(slowRouted);
    publish(
        event(
            Topics.WORKORDERS,
            quickRouting.workOrderId(),
            EventTypes.WORKORDER_ROUTED,
            quickRouting));
    publish(event(Topics.TICKETS, slow.ticketId(), EventTypes.TICKET_OPENED, slow));
    publish(event(Topics.TICKETS, quick.ticketId(), EventTypes.TICKET_OPENED, quick));
    awaitConsumedBehind(Topics.WORKORDERS, slowRouting.workOrderId());

    JsonNode after =
        awaitSummary(
            TestTokens.supervisor(), kpis -> kpis.path("routing").path("count").asLong() == 2);

    assertThat(after.path("routing").path("meanSeconds").asDouble()).isEqualTo(60.0);
    assertThat(after.path("routing").path("maxSeconds").asDouble()).isEqualTo(90.0);
    assertThat(delta(before, after, "workOrdersByDepartment", "network-ops")).isEqualTo(1);
    assertThat(delta(before, after, "workOrdersByDepartment", "billing")).isEqualTo(1);
    assertThat(delta(before, after, EventTypes.WORKORDER_ROUTED)).isEqualTo(2);
  }

  @Test
  void dead_letters_an_event_that_violates_its_contract_and_counts_nothing() throws Exception {
    JsonNode before = summary(TestTokens.supervisor());
    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.WORKORDERS))) {
      String eventId =
          producer.publish(
              Topics.WORKORDERS,
              "W-x",
              EventTypes.WORKORDER_ROUTED,
              "{\"workOrderId\":\"W-x\",\"ticketId\":\"T-x\"}");

      deadLetters.await(record -> eventId.equals(TopicRecorder.header(record, "ce_id")), PATIENCE);
    }
    assertThat(delta(before, summary(TestTokens.supervisor()), EventTypes.WORKORDER_ROUTED))
        .isZero();
  }

  @Test
  void shows_the_summary_to_staff_only() throws Exception {
    assertThat(get("/api/analytics/summary", TestTokens.agent()).statusCode()).isEqualTo(200);
    assertThat(get("/api/analytics/summary", TestTokens.supervisor()).statusCode()).isEqualTo(200);
    assertThat(get("/api/analytics/summary", TestTokens.admin()).statusCode()).isEqualTo(200);
    assertProblem(get("/api/analytics/summary", null), 401);
    assertProblem(get("/api/analytics/summary", TestTokens.customer("C-1")), 403);
    assertProblem(get("/api/analytics/summary", TestTokens.department("billing")), 403);
  }

  @Test
  void reports_its_health_without_a_token() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.path("status").asString()).isEqualTo("UP");
    assertThat(body.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
  }

  private static CustomerRegistered customer() {
    return new CustomerRegistered(
        unique("C"), "Acme Ltd", "ENTERPRISE", "A", null, "ops@acme.example", OPENED_AT);
  }

  /** An event whose data satisfies its contract, checked here so no test sends junk by mistake. */
  private ProducerRecord<String, String> event(String topic, String key, String type, Record data) {
    String body = json.writeValueAsString(data);
    assertThat(EventSchemas.violations(EventCatalogue.byType(type).orElseThrow(), body)).isEmpty();
    return CloudEventsProducer.event(topic, key, type, body);
  }

  private void publish(ProducerRecord<String, String> event) {
    producer.send(event);
  }

  /**
   * Waits until everything published so far under {@code key} has been consumed: an event of a type
   * of its own, sent behind them on the same partition, counts only after them.
   */
  private void awaitConsumedBehind(String topic, String key) {
    String marker = "crossdesk.test.marker-" + UUID.randomUUID() + ".v1";
    producer.publish(topic, key, marker, "{}");
    awaitSummary(TestTokens.agent(), kpis -> count(kpis, "eventsByType", marker) == 1);
  }

  private static TicketOpened ticket(
      String ticketId, String category, String channel, Instant openedAt) {
    return new TicketOpened(
        ticketId,
        "C-1",
        "B",
        channel,
        category,
        "NORMAL",
        "Request " + ticketId,
        null,
        "agent-7",
        null,
        null,
        openedAt,
        openedAt.plus(Duration.ofDays(1)),
        null,
        null,
        null,
        null,
        null);
  }

  private static WorkOrderRouted routed(TicketOpened ticket, String department, Instant at) {
    return new WorkOrderRouted(
        unique("W"),
        ticket.ticketId(),
        ticket.customerId(),
        ticket.category(),
        department,
        "rule-" + ticket.category(),
        at,
        ticket.openedAt());
  }

  private JsonNode awaitSummary(String bearer, Predicate<JsonNode> done) {
    JsonNode[] latest = new JsonNode[1];
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              latest[0] = summary(bearer);
              return done.test(latest[0]);
            });
    return latest[0];
  }

  private JsonNode summary(String bearer) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/analytics/summary", bearer);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String path, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
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

  private static long count(JsonNode summary, String dimension, String key) {
    return summary.path(dimension).path(key).asLong(0);
  }

  private static long delta(JsonNode before, JsonNode after, String type) {
    return delta(before, after, "eventsByType", type);
  }

  private static long delta(JsonNode before, JsonNode after, String dimension, String key) {
    return count(after, dimension, key) - count(before, dimension, key);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
