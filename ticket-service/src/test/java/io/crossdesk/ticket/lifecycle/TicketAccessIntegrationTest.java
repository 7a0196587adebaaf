package io.crossdesk.ticket.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.ticket.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who sees which tickets: customers their own, department staff their department's. */
class TicketAccessIntegrationTest extends IntegrationTestSupport {

  private static String openRequest(String customerId) {
    return """
        {"customerId":"%s","channel":"HOTLINE","category":"NETWORK","priority":"LOW",
         "title":"No signal at the head office","description":"Since 8 this morning."}"""
        .formatted(customerId);
  }

  private String openTicket(String customerId) {
    HttpResponse<String> created =
        post("/api/tickets", openRequest(customerId), TestTokens.agent());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return body(created).path("id").asString();
  }

  private String routedTicket(String customerId, String department) {
    String ticketId = openTicket(customerId);
    routeWorkOrder(unique("wo"), ticketId, customerId, department, Instant.now());
    Awaitility.await()
        .atMost(ASYNC)
        .until(
            () ->
                department.equals(
                    body(get("/api/tickets/" + ticketId, TestTokens.agent()))
                        .path("department")
                        .asString()));
    return ticketId;
  }

  private List<String> idsListed(String query, String token) {
    HttpResponse<String> listed = get("/api/tickets" + query, token);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    return body(listed).path("items").valueStream().map(t -> t.path("id").asString()).toList();
  }

  @Test
  void department_staff_see_only_the_tickets_routed_to_their_department() {
    String customerId = unique("acme");
    registerCustomer(customerId, "A");
    String networkFault = routedTicket(customerId, "network-ops");
    String chargeDispute = routedTicket(customerId, "billing");
    String notRoutedYet = openTicket(customerId);
    String networkOps = TestTokens.department("network-ops");

    assertThat(get("/api/tickets/" + networkFault, networkOps).statusCode()).isEqualTo(200);
    assertProblem(get("/api/tickets/" + chargeDispute, networkOps), 404);
    assertProblem(get("/api/tickets/" + notRoutedYet, networkOps), 404);

    assertThat(idsListed("?customerId=" + customerId, networkOps)).containsExactly(networkFault);
    assertThat(idsListed("?customerId=" + customerId, TestTokens.department("billing")))
        .containsExactly(chargeDispute);
    assertThat(body(get("/api/tickets", networkOps)).path("items"))
        .isNotEmpty()
        .allSatisfy(
            ticket -> assertThat(ticket.path("department").asString()).isEqualTo("network-ops"));
    assertThat(idsListed("?customerId=" + customerId, TestTokens.supervisor()))
        .containsExactlyInAnyOrder(networkFault, chargeDispute, notRoutedYet);
  }

  @Test
  void a_department_token_that_names_no_department_is_refused() {
    String customerId = unique("acme");
    registerCustomer(customerId, "A");
    String ticketId = routedTicket(customerId, "field-service");
    String noDepartment = TestTokens.bearer("staff-9", List.of("DEPARTMENT"), Map.of());

    assertProblem(get("/api/tickets/" + ticketId, noDepartment), 403);
    assertProblem(get("/api/tickets?customerId=" + customerId, noDepartment), 403);
  }

  @Test
  void a_customer_role_beside_a_department_role_does_not_widen_what_the_token_allows() {
    String alice = unique("alice");
    String bob = unique("bob");
    registerCustomer(alice, "C");
    registerCustomer(bob, "C");
    String bobsRoutedElsewhere = routedTicket(bob, "service-center");
    String both =
        TestTokens.bearer(
            "staff-alice",
            List.of("CUSTOMER", "DEPARTMENT"),
            Map.of("customerId", alice, "department", "billing"));

    assertProblem(post("/api/tickets", openRequest(bob), both), 403);
    assertProblem(get("/api/tickets/" + bobsRoutedElsewhere, both), 404);
    assertThat(idsListed("?customerId=" + bob, both)).isEmpty();
  }

  @Test
  void a_customer_opens_and_sees_only_their_own_tickets() {
    String alice = unique("alice");
    String bob = unique("bob");
    registerCustomer(alice, "C");
    registerCustomer(bob, "C");
    String aliceToken = TestTokens.customer(alice);

    assertProblem(post("/api/tickets", openRequest(bob), aliceToken), 403);

    HttpResponse<String> own = post("/api/tickets", openRequest(alice), aliceToken);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    String bobsTicket = openTicket(bob);

    assertProblem(get("/api/tickets/" + bobsTicket, aliceToken), 404);
    JsonNode listed = body(get("/api/tickets", aliceToken)).path("items");
    assertThat(listed).isNotEmpty();
    assertThat(listed)
        .allSatisfy(t -> assertThat(t.path("customerId").asString()).isEqualTo(alice));
    assertThat(idsListed("?customerId=" + bob, aliceToken)).isEmpty();
    assertThat(idsListed("?customerId=" + bob, TestTokens.agent())).containsExactly(bobsTicket);
    assertThat(idsListed("?status=&externalId=&customerId=" + bob, TestTokens.agent()))
        .containsExactly(bobsTicket);
  }
}
