package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class CircuitBreakerTest extends LocalGatewayTest {

  @Autowired CircuitBreakerRegistry breakers;

  private final String token = TestTokens.valid("agent-7", "AGENT");

  @AfterEach
  void releaseSlowRequests() {
    TestServices.WORKORDERS.releaseSlowRequests();
  }

  @Test
  void serviceThatIsDownAnswers503ProblemDetails() {
    client
        .get()
        .uri("/api/analytics/kpis")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .exists("Retry-After")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.service")
        .isEqualTo("analytics-service")
        .jsonPath("$.detail")
        .isEqualTo("analytics-service is unavailable; try again later.")
        .jsonPath("$.instance")
        .isEqualTo("/api/analytics/kpis");
  }

  @Test
  void repeatedFailuresOpenThatServicesBreakerOnly() {
    for (int i = 0; i < 3; i++) {
      client
          .get()
          .uri("/api/analytics/kpis")
          .header("Authorization", "Bearer " + token)
          .exchange()
          .expectStatus()
          .isEqualTo(503);
    }

    assertThat(breakers.circuitBreaker("analytics-service").getState())
        .isEqualTo(CircuitBreaker.State.OPEN);
    client
        .get()
        .uri("/api/customers/" + UUID.randomUUID())
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {400, 404, 409, 422, 429})
  void clientErrorsFromAServiceNeverCountAsFailures(int status) {
    CircuitBreaker breaker = breakers.circuitBreaker("customer-service");
    breaker.reset();

    for (int i = 0; i < 12; i++) {
      client
          .post()
          .uri("/api/customers/" + UUID.randomUUID() + "/status-" + status)
          .header("Authorization", "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(status);
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {500, 502, 504})
  void serverErrorsFromAServiceCountAsFailuresAndKeepTheirStatus(int status) {
    CircuitBreaker breaker = breakers.circuitBreaker("customer-service");
    breaker.reset();

    client
        .post()
        .uri("/api/customers/" + UUID.randomUUID() + "/status-" + status)
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("customer-service")
        .jsonPath("$.detail")
        .isEqualTo("customer-service failed with status " + status + "; try again later.");

    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
  }

  @Test
  void aServicesOwn503PassesThroughWithItsRetryAfterAndNeverCountsAsAFailure() {
    CircuitBreaker breaker = breakers.circuitBreaker("customer-service");
    breaker.reset();

    for (int i = 0; i < 12; i++) {
      client
          .post()
          .uri("/api/customers/" + UUID.randomUUID() + "/status-503")
          .header("Authorization", "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isEqualTo(503)
          .expectHeader()
          .valueEquals("Retry-After", "5")
          .expectBody()
          .jsonPath("$.service")
          .isEqualTo("customer-service");
    }

    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void serviceThatAnswersTooSlowlyAnswers503() {
    client
        .get()
        .uri("/api/workorders/" + UUID.randomUUID() + "/slow")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("workorder-service did not answer in time; try again later.");
  }
}
