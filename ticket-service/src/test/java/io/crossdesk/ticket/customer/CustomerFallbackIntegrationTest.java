package io.crossdesk.ticket.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.ticket.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A ticket for a customer whose registration event has not arrived yet: customer-service is asked
 * directly (here a real HTTP server standing in for it).
 */
class CustomerFallbackIntegrationTest extends IntegrationTestSupport {

  private static String openRequest(String customerId) {
    return """
        {"customerId":"%s","channel":"APP","category":"TARIFF","priority":"URGENT",
         "title":"Which plan suits me?","description":"Moving abroad for six months."}"""
        .formatted(customerId);
  }

  @Test
  void a_customer_customer_service_does_not_know_is_a_field_error_and_nothing_is_stored() {
    String customerId = unique("nobody");

    HttpResponse<String> refused =
        post("/api/tickets", openRequest(customerId), TestTokens.agent());

    assertProblem(refused, 422);
    JsonNode error = body(refused).path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo("customerId");
    assertThat(CUSTOMER_SERVICE.requestsFor(customerId)).hasSize(1);
    assertThat(body(get("/api/tickets?customerId=" + customerId, TestTokens.agent())).path("items"))
        .isEmpty();
  }

  @Test
  void a_customer_only_customer_service_knows_yet_is_fetched_with_the_callers_token_and_kept() {
    String customerId = unique("fresh");
    CUSTOMER_SERVICE.knows(customerId, "A", "Fresh Start Ltd");
    String token = TestTokens.customer(customerId);

    HttpResponse<String> created = post("/api/tickets", openRequest(customerId), token);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode ticket = body(created);
    assertThat(ticket.path("customerTier").asString()).isEqualTo("A");
    assertThat(
            Duration.between(
                Instant.parse(ticket.path("openedAt").asString()),
                Instant.parse(ticket.path("resolveBy").asString())))
        .hasHours(4);
    assertThat(CUSTOMER_SERVICE.requestsFor(customerId))
        .singleElement()
        .satisfies(request -> assertThat(request.authorization()).isEqualTo(token));

    HttpResponse<String> again = post("/api/tickets", openRequest(customerId), token);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(CUSTOMER_SERVICE.requestsFor(customerId)).hasSize(1);
  }

  @Test
  void a_failing_customer_service_makes_the_request_unavailable_for_now() {
    String customerId = unique("unlucky");
    CUSTOMER_SERVICE.failsFor(customerId);

    HttpResponse<String> unavailable =
        post("/api/tickets", openRequest(customerId), TestTokens.agent());

    assertProblem(unavailable, 503);
    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
    assertThat(body(get("/api/tickets?customerId=" + customerId, TestTokens.agent())).path("items"))
        .isEmpty();
  }
}
