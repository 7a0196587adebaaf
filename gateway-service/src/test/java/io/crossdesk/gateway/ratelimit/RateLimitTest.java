package io.crossdesk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.DefaultProfileGatewayTest;
import io.crossdesk.gateway.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Burst 3, refill 1/s (see {@link DefaultProfileGatewayTest}). */
class RateLimitTest extends DefaultProfileGatewayTest {

  @Autowired CircuitBreakerRegistry breakers;

  @Test
  void callerWhoSpendsTheBudgetGets429ProblemDetailsWhileOthersPassOn() {
    String greedy = TestTokens.valid("greedy-script", "SYSTEM");

    int status = 200;
    // Up to twenty quick calls: the bucket holds three and refills one a second, so a 429 must
    // come.
    for (int i = 0; i < 20 && status != 429; i++) {
      status = call(greedy).getStatus().value();
    }
    EntityExchangeResult<byte[]> limited = call(greedy);

    assertThat(limited.getStatus().value()).isEqualTo(429);
    assertThat(limited.getResponseHeaders().getContentType())
        .isNotNull()
        .satisfies(
            type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(new String(limited.getResponseBodyContent())).contains("\"status\":429");

    assertThat(call(TestTokens.valid("patient-agent", "AGENT")).getStatus().value()).isEqualTo(200);
    // Throttled calls never reach the service, so its breaker has nothing to hold against it.
    CircuitBreaker breaker = breakers.circuitBreaker("customer-service");
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void aRuleGivesARouteAndRoleABudgetOfItsOwn() {
    String staff = TestTokens.valid("queue-watcher", "DEPARTMENT");
    String agent = TestTokens.valid("queue-agent", "AGENT");

    assertThat(call(staff, "/api/workorders/w-1").getStatus().value()).isEqualTo(200);
    EntityExchangeResult<byte[]> limited = call(staff, "/api/workorders/w-1");

    assertThat(limited.getStatus().value()).isEqualTo(429);
    assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(new String(limited.getResponseBodyContent()))
        .contains("under the 'department-queues' limit");
    // The same caller elsewhere, and another role on the same route, count against the default.
    assertThat(call(staff, "/api/customers/c-1").getStatus().value()).isEqualTo(200);
    assertThat(call(agent, "/api/workorders/w-1").getStatus().value()).isEqualTo(200);
    assertThat(call(agent, "/api/workorders/w-1").getStatus().value()).isEqualTo(200);
  }

  @Test
  void healthChecksAreNeverLimited() {
    for (int i = 0; i < 10; i++) {
      client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
  }

  private EntityExchangeResult<byte[]> call(String token) {
    return call(token, "/api/customers/c-1");
  }

  private EntityExchangeResult<byte[]> call(String token, String path) {
    return client
        .get()
        .uri(path)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectBody()
        .returnResult();
  }
}
