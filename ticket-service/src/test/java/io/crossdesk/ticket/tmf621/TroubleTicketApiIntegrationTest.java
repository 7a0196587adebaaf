package io.crossdesk.ticket.tmf621;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.Tmf621Contract;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The TMF621 facade on ticket-service: every request and answer is checked against TM Forum's
 * official v4 document, and the facade changes tickets only through the ticket commands.
 */
class TroubleTicketApiIntegrationTest extends IntegrationTestSupport {

  private static final String API = "/tmf-api/troubleTicket/v4/troubleTicket";
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private static String system(String name) {
    return TestTokens.bearer(name, List.of("SYSTEM"), Map.of("scope", "tmf621"));
  }

  private static String create(String customerId, String externalId) {
    return """
        {"name":"No signal at the head office","description":"Since 8 this morning.\\nAll floors.",
         "severity":"Major","ticketType":"network","externalId":"%s",
         "channel":{"id":"1","name":"app"},
         "relatedParty":[{"id":"%s","role":"customer","@referredType":"Customer"}],
         "note":[{"text":"Reported by the NOC","@type":"Note"}]}"""
        .formatted(externalId, customerId);
  }

  /** Sends, checks the exchange against the official document, and returns the answer. */
  private HttpResponse<String> exchange(
      String method, String path, String contentType, String body, String token) {
    HttpResponse<String> response =
        switch (method) {
          case "POST" -> post(path, body, token);
          case "PATCH" -> patch(path, contentType, body, token);
          case "DELETE" -> delete(path, token);
          default -> get(path, token);
        };
    URI uri = URI.create("http://host" + path);
    assertThat(
            response.statusCode() < 400
                ? Tmf621Contract.problems(method, uri, contentType, body, response)
                : Tmf621Contract.responseProblems(method, uri, response))
        .as(method + " " + path + " -> " + response.statusCode() + " " + response.body())
        .isEmpty();
    return response;
  }

  private String opened(String customerId, String externalId, String token) {
    HttpResponse<String> created =
        exchange("POST", API, "application/json", create(customerId, externalId), token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return body(created).path("id").asString();
  }

  @Test
  void a_system_opens_a_trouble_ticket_and_reads_it_back_in_tmf_terms() {
    String customerId = unique("acme");
    registerCustomer(customerId, "A");
    String crm = system("crm");

    HttpResponse<String> created =
        exchange("POST", API, "application/json", create(customerId, "CRM-" + customerId), crm);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = body(created);
    String id = ticket.path("id").asString();
    assertThat(created.headers().firstValue("Location")).contains(API + "/" + id);
    assertThat(ticket.path("href").asString()).isEqualTo(API + "/" + id);
    assertThat(ticket.path("status").asString()).isEqualTo("acknowledged");
    assertThat(ticket.path("severity").asString()).isEqualTo("Major");
    assertThat(ticket.path("priority").asString()).isEqualTo("High");
    assertThat(ticket.path("ticketType").asString()).isEqualTo("NETWORK");
    assertThat(ticket.path("externalId").asString()).isEqualTo("CRM-" + customerId);
    assertThat(ticket.path("channel").path("name").asString()).isEqualTo("APP");
    assertThat(ticket.path("relatedParty").valueStream().map(p -> p.path("role").asString()))
        .containsExactly("customer", "owner");
    assertThat(ticket.path("note").get(0).path("text").asString()).isEqualTo("Reported by the NOC");
    assertThat(ticket.path("statusChange").get(0).path("status").asString())
        .isEqualTo("acknowledged");
    assertThat(ticket.path("@type").asString()).isEqualTo("TroubleTicket");
    assertThat(ticket.path("expectedResolutionDate").asString()).isNotEmpty();

    JsonNode desk = body(get("/api/tickets/" + id, TestTokens.agent()));
    assertThat(desk.path("priority").asString()).isEqualTo("HIGH");
    assertThat(desk.path("channel").asString()).isEqualTo("APP");

    JsonNode projected =
        body(exchange("GET", API + "/" + id + "?fields=status,severity", null, null, crm));
    assertThat(projected.propertyNames())
        .containsExactlyInAnyOrder("id", "href", "status", "severity", "@type");
  }

  @Test
  void the_same_external_id_twice_is_a_conflict_and_opens_nothing_more() {
    String customerId = unique("acme");
    registerCustomer(customerId, "B");
    String crm = system("crm");
    String first = opened(customerId, "DUP-" + customerId, crm);

    HttpResponse<String> again =
        exchange("POST", API, "application/json", create(customerId, "DUP-" + customerId), crm);

    assertTmfError(again, 409);
    assertThat(body(again).path("message").asString()).contains(first);
    assertThat(
            body(get("/api/tickets?customerId=" + customerId, TestTokens.agent()))
                .path("items")
                .size())
        .isEqualTo(1);
  }

  @Test
  void bad_input_answers_tmf_errors_naming_the_attribute_and_changes_nothing() {
    String customerId = unique("acme");
    registerCustomer(customerId, "B");
    String crm = system("crm");

    HttpResponse<String> noSeverity =
        exchange(
            "POST",
            API,
            "application/json",
            """
            {"description":"x","ticketType":"NETWORK",
             "relatedParty":[{"id":"%s","role":"customer","@referredType":"Customer"}]}"""
                .formatted(customerId),
            crm);
    assertTmfError(noSeverity, 400);
    assertThat(body(noSeverity).path("message").asString()).contains("severity");

    HttpResponse<String> badSeverity =
        exchange(
            "POST",
            API,
            "application/json",
            create(customerId, "X-1").replace("\"Major\"", "\"Apocalyptic\""),
            crm);
    assertTmfError(badSeverity, 400);
    assertThat(body(badSeverity).path("message").asString()).contains("Critical, Major");

    HttpResponse<String> noCustomer =
        exchange(
            "POST",
            API,
            "application/json",
            """
            {"description":"x","severity":"Minor","ticketType":"NETWORK"}""",
            crm);
    assertTmfError(noCustomer, 400);
    assertThat(body(noCustomer).path("message").asString()).contains("relatedParty");

    HttpResponse<String> operator =
        exchange(
            "POST",
            API,
            "application/json",
            create(customerId, "OP-1").replace("\"name\":", "\"$where\":\"1\",\"name\":"),
            crm);
    assertTmfError(operator, 400);
    assertThat(body(operator).path("message").asString()).contains("/$where");

    assertTmfError(exchange("POST", API, "application/json", "{\"description\":", crm), 400);
    assertTmfError(exchange("GET", API + "?colour=blue", null, null, crm), 400);
    assertTmfError(exchange("GET", API + "/no-such-ticket", null, null, crm), 404);
    assertThat(
            body(get("/api/tickets?customerId=" + customerId, TestTokens.agent()))
                .path("items")
                .size())
        .isZero();
  }

  @Test
  void a_system_sees_only_the_tickets_it_opened_unless_granted_every_ticket() {
    String customerId = unique("acme");
    registerCustomer(customerId, "B");
    String crm = system("crm-" + customerId);
    String billing = system("billing-" + customerId);
    String fromCrm = opened(customerId, "C-1", crm);
    String fromBilling = opened(customerId, "B-1", billing);

    assertTmfError(exchange("GET", API + "/" + fromBilling, null, null, crm), 404);
    HttpResponse<String> listed =
        exchange("GET", API + "?relatedParty.id=" + customerId, null, null, crm);
    assertThat(body(listed).valueStream().map(t -> t.path("id").asString()))
        .containsExactly(fromCrm);
    assertThat(listed.headers().firstValue("X-Total-Count")).contains("1");

    String everything =
        TestTokens.bearer("auditor", List.of("SYSTEM"), Map.of("scope", "tmf621 tickets:read-all"));
    assertThat(
            body(exchange("GET", API + "?relatedParty.id=" + customerId, null, null, everything))
                .valueStream()
                .map(t -> t.path("id").asString()))
        .containsExactlyInAnyOrder(fromCrm, fromBilling);

    String noScope = TestTokens.bearer("crm", List.of("SYSTEM"), Map.of());
    HttpResponse<String> refused = get(API + "/" + fromCrm, noScope);
    assertTmfError(refused, 403);
    assertThat(body(refused).path("message").asString()).contains("tmf621 scope");
    assertThat(get(API + "/" + fromCrm, TestTokens.customer(customerId)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void lists_filter_page_and_count() {
    String customerId = unique("acme");
    registerCustomer(customerId, "C");
    String crm = system("crm-" + customerId);
    Instant before = Instant.now().minusSeconds(1);
    String first = opened(customerId, "L-1", crm);
    String second = opened(customerId, "L-2", crm);
    String third = opened(customerId, "L-3", crm);
    exchange("PATCH", API + "/" + third, MERGE_PATCH, "{\"status\":\"cancelled\"}", crm);

    HttpResponse<String> page =
        exchange(
            "GET",
            API + "?relatedParty.id=" + customerId + "&offset=1&limit=1&fields=status",
            null,
            null,
            crm);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-Total-Count")).contains("3");
    assertThat(page.headers().firstValue("X-Result-Count")).contains("1");
    assertThat(body(page).get(0).path("id").asString()).isEqualTo(second);

    assertThat(
            ids(
                exchange(
                    "GET",
                    API
                        + "?relatedParty.id="
                        + customerId
                        + "&status=acknowledged&severity=Major&ticketType=NETWORK"
                        + "&creationDate.gte="
                        + before,
                    null,
                    null,
                    crm)))
        .containsExactly(second, first);
    assertThat(
            ids(
                exchange(
                    "GET",
                    API + "?relatedParty.id=" + customerId + "&status=cancelled",
                    null,
                    null,
                    crm)))
        .containsExactly(third);
    assertThat(
            ids(
                exchange(
                    "GET",
                    API + "?relatedParty.id=" + customerId + "&creationDate.lt=" + before,
                    null,
                    null,
                    crm)))
        .isEmpty();
  }

  @Test
  void a_merge_patch_adds_notes_and_moves_the_status_by_the_ticket_commands() {
    String customerId = unique("acme");
    registerCustomer(customerId, "B");
    String crm = system("crm-" + customerId);
    String id = opened(customerId, "P-1", crm);

    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      HttpResponse<String> noted =
          exchange(
              "PATCH",
              API + "/" + id,
              MERGE_PATCH,
              """
              {"note":[{"text":"Customer called again","@type":"Note"},
                       {"text":"Escalate if it persists","@type":"InternalNote"}]}""",
              crm);
      assertThat(noted.statusCode()).as(noted.body()).isEqualTo(200);
      assertThat(body(noted).path("note").valueStream().map(n -> n.path("@type").asString()))
          .containsExactly("Note", "Note", "InternalNote");

      assertTmfError(
          exchange("PATCH", API + "/" + id, MERGE_PATCH, "{\"status\":\"closed\"}", crm), 409);
      assertTmfError(
          exchange("PATCH", API + "/" + id, MERGE_PATCH, "{\"description\":\"other\"}", crm), 400);
      assertTmfError(
          exchange(
              "PATCH",
              API + "/" + id,
              MERGE_PATCH,
              "{\"status\":\"resolved\",\"statusChangeReason\":\"gone\"}",
              crm),
          403);

      HttpResponse<String> cancelled =
          exchange(
              "PATCH",
              API + "/" + id,
              MERGE_PATCH,
              "{\"status\":\"cancelled\",\"statusChangeReason\":\"Fixed by a power cycle\"}",
              crm);
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
      JsonNode after = body(cancelled);
      assertThat(after.path("status").asString()).isEqualTo("cancelled");
      assertThat(after.path("statusChange").valueStream().map(c -> c.path("status").asString()))
          .containsExactly("acknowledged", "cancelled");
      assertThat(body(get("/api/tickets/" + id, TestTokens.agent())).path("status").asString())
          .isEqualTo("CANCELLED");

      var changed =
          tickets.await(
              r ->
                  id.equals(r.key())
                      && TopicRecorder.ofType(EventTypes.TICKET_STATUS_CHANGED).test(r),
              ASYNC);
      assertSchemaValid(EventTypes.TICKET_STATUS_CHANGED, changed.value());
      JsonNode data = json.readTree(changed.value());
      assertThat(data.path("from").asString()).isEqualTo("OPEN");
      assertThat(data.path("to").asString()).isEqualTo("CANCELLED");
      assertThat(data.path("sourceSystem").asString()).isEqualTo("crm-" + customerId);
      assertThat(data.path("externalId").asString()).isEqualTo("P-1");
    }
    assertTmfError(exchange("DELETE", API + "/" + id, null, null, crm), 405);
  }

  @Test
  void routing_by_a_department_reads_as_in_progress_and_is_announced_once() {
    String customerId = unique("acme");
    registerCustomer(customerId, "B");
    String crm = system("crm-" + customerId);
    String id = opened(customerId, "R-1", crm);
    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      routeWorkOrder(unique("wo"), id, customerId, "network-ops", Instant.now());
      Awaitility.await()
          .atMost(ASYNC)
          .until(
              () -> body(get(API + "/" + id, crm)).path("status").asString().equals("inProgress"));
      JsonNode ticket = body(exchange("GET", API + "/" + id, null, null, crm));
      assertThat(ticket.path("relatedEntity").get(0).path("role").asString())
          .isEqualTo("workOrder");

      // A later step reaching another department is no new status.
      String later = routeWorkOrder(unique("wo"), id, customerId, "field-service", Instant.now());
      awaitProcessed("ticket-service.workorders", later);
      JsonNode after = body(exchange("GET", API + "/" + id, null, null, crm));
      assertThat(after.path("statusChange").valueStream().map(c -> c.path("status").asString()))
          .containsExactly("acknowledged", "inProgress");

      tickets.await(
          r -> id.equals(r.key()) && TopicRecorder.ofType(EventTypes.TICKET_STATUS_CHANGED).test(r),
          ASYNC);
      assertThat(
              tickets.all(
                  r ->
                      id.equals(r.key())
                          && TopicRecorder.ofType(EventTypes.TICKET_STATUS_CHANGED).test(r)))
          .hasSize(1);
    }
  }

  private List<String> ids(HttpResponse<String> listed) {
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    return body(listed).valueStream().map(t -> t.path("id").asString()).toList();
  }

  private void assertTmfError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = body(response);
    assertThat(error.path("code").asString()).isEqualTo(String.valueOf(status));
    assertThat(error.path("reason").asString()).isNotBlank();
    assertThat(error.path("@type").asString()).isEqualTo("Error");
  }
}
