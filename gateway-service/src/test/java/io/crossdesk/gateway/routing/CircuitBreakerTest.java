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
