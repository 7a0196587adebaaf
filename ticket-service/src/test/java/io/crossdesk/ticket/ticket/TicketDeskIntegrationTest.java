package io.crossdesk.ticket.ticket;

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
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Opening tickets over HTTP, announcing them, and following their work orders. */
class TicketDeskIntegrationTest extends IntegrationTestSupport {

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

    String workOrderId = unique("wo");
    String routed =
        """
        {"workOrderId":"%s","ticketId":"%s","customerId":"%s","category":"NETWORK",
         "department":"NETWORK_OPERATIONS","routingRule":"network-faults","routedAt":"%s"}"""
            .formatted(workOrderId, ticketId, customerId, Instant.now());
    publish(Topics.WORKORDERS, workOrderId, EventTypes.WORKORDER_ROUTED, workOrderId, routed);

    Awaitility.await()
        .atMost(ASYNC)
        .untilAsserted(
            () -> {
              JsonNode seen =
                  body(get("/api/tickets/" + ticketId, TestTokens.customer(customerId)));
              assertThat(seen.path("status").asString()).isEqualTo("ROUTED");
              assertThat(seen.path("department").asString()).isEqualTo("NETWORK_OPERATIONS");
              assertThat(seen.path("workOrderId").asString()).isEqualTo(workOrderId);
              assertThat(seen.path("timeline")).hasSize(2);
              assertThat(seen.path("timeline").get(1).path("type").asString()).isEqualTo("ROUTED");
              assertThat(seen.path("timeline").get(1).path("text").asString())
                  .isEqualTo("Your request was passed to NETWORK_OPERATIONS");
            });

    // The same routing redelivered under a new event id changes nothing.
    String again =
        publish(Topics.WORKORDERS, workOrderId, EventTypes.WORKORDER_ROUTED, workOrderId, routed);
    awaitProcessed("ticket-service.workorders", again);
    assertThat(body(get("/api/tickets/" + ticketId, TestTokens.agent())).path("timeline"))
        .hasSize(2);
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
  void a_customer_opens_and_sees_only_their_own_tickets() {
    String alice = unique("alice");
    String bob = unique("bob");
    registerCustomer(alice, "C");
    registerCustomer(bob, "C");
    String aliceToken = TestTokens.customer(alice);

    HttpResponse<String> forBob = post("/api/tickets", openRequest(bob, "LOW"), aliceToken);
    assertProblem(forBob, 403);

    HttpResponse<String> own = post("/api/tickets", openRequest(alice, "LOW"), aliceToken);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    String bobsTicket =
        body(post("/api/tickets", openRequest(bob, "LOW"), agent())).path("id").asString();

    assertProblem(get("/api/tickets/" + bobsTicket, aliceToken), 404);
    JsonNode listed = body(get("/api/tickets", aliceToken));
    assertThat(listed).isNotEmpty();
    assertThat(listed)
        .allSatisfy(t -> assertThat(t.path("customerId").asString()).isEqualTo(alice));
    assertThat(body(get("/api/tickets?customerId=" + bob, aliceToken))).isEmpty();
    assertThat(body(get("/api/tickets?customerId=" + bob, agent()))).hasSize(1);
    assertThat(body(get("/api/tickets?status=&externalId=&customerId=" + bob, agent()))).hasSize(1);
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
    List<String> fields =
        body(refused).path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    assertThat(fields)
        .contains("channel", "category", "priority", "title", "description")
        .doesNotContain("customerId");
    assertThat(body(refused).path("errors").valueStream())
        .anySatisfy(
            error -> {
              assertThat(error.path("field").asString()).isEqualTo("channel");
              assertThat(error.path("message").asString()).contains("HOTLINE");
            });
    assertThat(body(get("/api/tickets?customerId=" + customerId, agent()))).isEmpty();
  }

  @Test
  void the_api_needs_a_token_and_a_role_that_may_act() {
    String customerId = unique("guarded");
    registerCustomer(customerId, "A");

    assertProblem(post("/api/tickets", openRequest(customerId, "LOW"), null), 401);
    assertProblem(
        post("/api/tickets", openRequest(customerId, "LOW"), TestTokens.department("BILLING")),
        403);
    assertProblem(post("/api/tickets", openRequest(customerId, "LOW"), TestTokens.admin()), 403);
    assertProblem(get("/api/tickets", null), 401);
    assertProblem(get("/api/tickets?status=LOST", agent()), 400);
    assertProblem(get("/api/tickets/no-such-ticket", TestTokens.supervisor()), 404);
    assertThat(body(get("/api/tickets?customerId=" + customerId, agent()))).isEmpty();
  }

  private static String agent() {
    return TestTokens.bearer("agent-9", List.of("AGENT"), Map.of());
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
