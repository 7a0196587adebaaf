package io.crossdesk.ticket.lifecycle;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Opening tickets over HTTP, announcing them, and following their work orders. */
class TicketDeskIntegrationTest extends IntegrationTestSupport {

  private static final String WORKORDER_CONSUMER = "ticket-service.workorders";

  private static String openRequest(String customerId, String priority) {
    return """
        {"customerId":"%s","channel":"HOTLINE","category":"NETWORK","priority":"%s",
         "title":"No signal at the head office","description":"Since 8 this morning."}"""
        .formatted(customerId, priority);
  }

  @Test
  void opens_a_ticket_for_a_registered_customer_announces_it_and_follows_its_work_order() {
    String customerId = unique("acme");
    registerCustomer(customerId, "A");

    HttpResponse<String> created =
        post("/api/tickets", openRequest(customerId, "URGENT"), TestTokens.agent());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = body(created);
    String ticketId = ticket.path("id").asString();
    assertThat(created.headers().firstValue("Location")).contains("/api/tickets/" + ticketId);
    assertThat(ticket.path("status").asString()).isEqualTo("OPEN");
    assertThat(ticket.path("customerTier").asString()).isEqualTo("A");
    assertThat(ticket.path("priority").asString()).isEqualTo("URGENT");
    assertThat(ticket.path("channel").asString()).isEqualTo("HOTLINE");
    assertThat(ticket.path("timeline")).hasSize(1);
    Instant openedAt = Instant.parse(ticket.path("openedAt").asString());
    assertThat(Instant.parse(ticket.path("resolveBy").asString()))
        .isEqualTo(openedAt.plus(Duration.ofHours(4)));

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      ConsumerRecord<String, String> opened =
          tickets.await(record -> ticketId.equals(record.key()), ASYNC);
      assertThat(header(opened, "ce_type")).isEqualTo(EventTypes.TICKET_OPENED);
      assertThat(header(opened, "ce_specversion")).isEqualTo("1.0");
      assertThat(header(opened, "ce_subject")).isEqualTo(ticketId);
      assertThat(header(opened, "ce_source")).isEqualTo("/crossdesk/ticket-service");
      assertThat(header(opened, "ce_id")).isNotBlank();
      assertThat(header(opened, "ce_time")).isNotBlank();
      assertThat(header(opened, "content-type")).isEqualTo("application/json");
      assertSchemaValid(EventTypes.TICKET_OPENED, opened.value());
      JsonNode data = json.readTree(opened.value());
      assertThat(data.path("customerTier").asString()).isEqualTo("A");
      assertThat(data.path("openedBy").asString()).isEqualTo("agent-7");
      assertThat(data.path("resolveBy").asString()).isEqualTo(ticket.path("resolveBy").asString());
    }

    // workorder-service's clock is far off; the timeline must still read in order.
    Instant otherServicesClock = Instant.parse("2001-02-03T04:05:06Z");
    Instant beforeRouting = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String workOrderId = unique("wo");
    routeWorkOrder(workOrderId, ticketId, customerId, "network-ops", otherServicesClock);

    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () -> {
              JsonNode seen =
                  body(get("/api/tickets/" + ticketId, TestTokens.customer(customerId)));
              assertThat(seen.path("status").asString()).isEqualTo("ROUTED");
              assertThat(seen.path("department").asString()).isEqualTo("network-ops");
              assertThat(seen.path("workOrderId").asString()).isEqualTo(workOrderId);
              assertThat(seen.path("timeline")).hasSize(2);
            });
    JsonNode routedEntry =
        body(get("/api/tickets/" + ticketId, TestTokens.customer(customerId)))
            .path("timeline")
            .get(1);
    assertThat(routedEntry.path("type").asString()).isEqualTo("ROUTED");
    assertThat(routedEntry.path("text").asString())
        .isEqualTo("Your request was passed to network-ops");
    assertThat(routedEntry.path("actor").asString()).isEqualTo("network-ops");
    assertThat(Instant.parse(routedEntry.path("at").asString()))
        .isAfterOrEqualTo(beforeRouting)
        .isBeforeOrEqualTo(Instant.now());

    // The same routing redelivered under a new event id changes nothing.
    String again =
        routeWorkOrder(workOrderId, ticketId, customerId, "network-ops", otherServicesClock);
    awaitProcessed(WORKORDER_CONSUMER, again);
    assertThat(body(get("/api/tickets/" + ticketId, TestTokens.agent())).path("timeline"))
        .hasSize(2);
  }

  @Test
  void a_routing_for_a_ticket_never_stored_is_retried_longer_then_dead_lettered() {
    long failedBefore = failedDeliveries(WORKORDER_CONSUMER);
    String eventId =
        routeWorkOrder(
            unique("wo"), UUID.randomUUID().toString(), unique("cust"), "billing", Instant.now());

    try (TopicRecorder deadLetters = TopicRecorder.of(Topics.deadLetterOf(Topics.WORKORDERS))) {
      ConsumerRecord<String, String> dead =
          deadLetters.await(record -> eventId.equals(header(record, "ce_id")), ASYNC);
      assertThat(header(dead, "crossdesk_dlt_reason")).contains("not known");
    }
    // The ticket may still be on its way: it is waited for longer than other failures.
    awaitRetriedLongerThanOrdinaryFailures(WORKORDER_CONSUMER, failedBefore);
  }

  @Test
  void the_resolution_deadline_follows_the_customers_tier() {
    String tierB = unique("b-corp");
    String tierC = unique("c-shop");
    registerCustomer(tierB, "B");
    registerCustomer(tierC, "C");

    assertThat(resolutionHours(post("/api/tickets", openRequest(tierB, "HIGH"), agent())))
        .isEqualTo(24);
    assertThat(resolutionHours(post("/api/tickets", openRequest(tierC, "LOW"), agent())))
        .isEqualTo(120);
    String noPriority =
        """
        {"customerId":"%s","channel":"WEB","category":"BILLING",
         "title":"Double charge","description":"Charged twice in March."}"""
            .formatted(tierC);
    HttpResponse<String> normal = post("/api/tickets", noPriority, agent());
    assertThat(body(normal).path("priority").asString()).isEqualTo("NORMAL");
    assertThat(resolutionHours(normal)).isEqualTo(72);
  }

  @Test
  void a_blank_priority_is_no_priority_and_the_default_applies() {
    String customerId = unique("blank");
    registerCustomer(customerId, "C");

    for (String blank : List.of("", "  ")) {
      HttpResponse<String> created = post("/api/tickets", openRequest(customerId, blank), agent());

      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      // NETWORK defaults to HIGH; tier C gets no step up.
      assertThat(body(created).path("priority").asString()).isEqualTo("HIGH");
      assertThat(resolutionHours(created)).isEqualTo(48);
    }
  }

  @Test
  void invalid_input_is_refused_field_by_field_and_nothing_is_stored() {
    String customerId = unique("careful");
    registerCustomer(customerId, "B");
    String invalid =
        """
        {"customerId":"%s","channel":"PIGEON","category":"network","priority":"SOON",
         "title":"","description":"%s"}"""
            .formatted(customerId, "x".repeat(5001));

    HttpResponse<String> refused = post("/api/tickets", invalid, agent());

    assertProblem(refused, 400);
    assertThat(fieldsIn(refused))
        .contains("channel", "category", "priority", "title", "description")
        .doesNotContain("customerId");
    assertThat(body(refused).path("errors").valueStream())
        .anySatisfy(
            error -> {
              assertThat(error.path("field").asString()).isEqualTo("channel");
              assertThat(error.path("message").asString()).contains("HOTLINE");
            });
    assertThat(body(get("/api/tickets?customerId=" + customerId, agent())).path("items")).isEmpty();
  }

  @Test
  void a_blank_required_field_is_an_error_of_that_field() {
    String customerId = unique("blank");
    registerCustomer(customerId, "B");
    String blankChannel =
        """
        {"customerId":"%s","channel":" ","category":"NETWORK",
         "title":"No signal","description":"Since noon."}"""
            .formatted(customerId);

    HttpResponse<String> refused = post("/api/tickets", blankChannel, agent());

    assertProblem(refused, 400);
    assertThat(fieldsIn(refused)).containsExactly("channel");
    assertThat(body(get("/api/tickets?customerId=" + customerId, agent())).path("items")).isEmpty();
  }

  @Test
  void an_unknown_status_to_list_by_is_an_error_of_that_parameter() {
    HttpResponse<String> refused = get("/api/tickets?status=LOST", agent());

    assertProblem(refused, 400);
    assertThat(fieldsIn(refused)).containsExactly("status");
    assertThat(body(refused).path("errors").get(0).path("message").asString())
        .contains("OPEN", "ROUTED");
  }

  @Test
  void the_api_needs_a_token_and_a_role_that_may_act() {
    String customerId = unique("guarded");
    registerCustomer(customerId, "A");

    assertProblem(post("/api/tickets", openRequest(customerId, "LOW"), null), 401);
    assertProblem(
        post("/api/tickets", openRequest(customerId, "LOW"), TestTokens.department("billing")),
        403);
    assertProblem(post("/api/tickets", openRequest(customerId, "LOW"), TestTokens.admin()), 403);
    assertProblem(get("/api/tickets", null), 401);
    assertProblem(get("/api/tickets/no-such-ticket", TestTokens.supervisor()), 404);
    assertThat(body(get("/api/tickets?customerId=" + customerId, agent())).path("items")).isEmpty();
  }

  private static String agent() {
    return TestTokens.bearer("agent-9", List.of("AGENT"), Map.of());
  }

  private List<String> fieldsIn(HttpResponse<String> problem) {
    return body(problem).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
  }

  private long resolutionHours(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = body(created);
    return Duration.between(
            Instant.parse(ticket.path("openedAt").asString()),
            Instant.parse(ticket.path("resolveBy").asString()))
        .toHours();
  }
}
