package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A healthy service that is merely busy must never trip its breaker: concurrency is the gateway's
 * to carry, and where the gateway's own limit is reached it sheds load without blaming the service.
 */
class BusyServiceTest extends LocalGatewayTest {

  /** Far above the circuit-breaker library's own default bulkhead of 25 concurrent calls. */
  private static final int AT_ONCE = 64;

  /** Each within the rate limit; every token costs an RSA signature, slow in a test JVM. */
  private static final int AGENTS = 16;

  @Autowired CircuitBreakerRegistry breakers;
  @LocalServerPort int port;

  /** A connection per request in flight, as a load test's clients open them. */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @AfterEach
  void releaseSlowRequests() {
    TestServices.NOTIFICATIONS.releaseSlowRequests();
  }

  @Test
  void sixtyFourTicketsOpenedAtOnceAllSucceedAndTheBreakerStaysClosed() {
    CircuitBreaker breaker = breakers.circuitBreaker("ticket-service");
    breaker.reset();
    // Counted over the whole test: the breaker's own metrics cover only its sliding window.
    AtomicInteger successes = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    breaker.getEventPublisher().onSuccess(event -> successes.incrementAndGet());
    breaker.getEventPublisher().onError(event -> failures.incrementAndGet());
    List<String> agents =
        IntStream.range(0, AGENTS).mapToObj(i -> TestTokens.valid("agent-" + i, "AGENT")).toList();

    // Twice: the second wave goes out on the connections the first one left in the pool.
    for (int wave = 0; wave < 2; wave++) {
      TestServices.TICKETS.gatherBusyRequests(AT_ONCE);

      List<CompletableFuture<HttpResponse<String>>> answers =
          IntStream.range(0, AT_ONCE)
              .mapToObj(i -> post("/api/tickets/busy", agents.get(i % AGENTS)))
              .toList();

      assertThat(statuses(answers)).hasSize(AT_ONCE).containsOnly(200);
      assertThat(TestServices.TICKETS.peakBusyRequests()).isEqualTo(AT_ONCE);
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(failures).hasValue(0);
    assertThat(successes).hasValue(2 * AT_ONCE);
  }

  @Test
  void aFullBulkheadAsksCallersToRetryShortlyWithoutCountingAgainstTheService() {
    // notification-service's bulkhead admits one call at a time (see LocalGatewayTest).
    CircuitBreaker breaker = breakers.circuitBreaker("notification-service");
    breaker.reset();
    String token = TestTokens.valid("agent-7", "AGENT");
    String held = "/api/notifications/" + UUID.randomUUID() + "/slow";
    CompletableFuture<HttpResponse<String>> first = post(held, token);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !TestServices.NOTIFICATIONS.receivedAt(held).isEmpty());

    HttpResponse<String> shed = answered(post("/api/notifications/" + UUID.randomUUID(), token));

    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(shed.body()).contains("notification-service is busy; retry in 1 s.");
    TestServices.NOTIFICATIONS.releaseSlowRequests();
    assertThat(answered(first).statusCode()).isEqualTo(200);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"No dial tone\"}"))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> answered(CompletableFuture<HttpResponse<String>> answer) {
    await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
    return answer.join();
  }

  /** Bounds far above the second or two this takes, so a machine under load does not fail it. */
  private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> answers) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> answers.stream().allMatch(CompletableFuture::isDone));
    return answers.stream().map(answer -> answer.join().statusCode()).toList();
  }
}
