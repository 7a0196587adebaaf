package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One service goes down and comes back while the gateway keeps running: its routes answer 503
 * problem+json with Retry-After at once (a refused connection, then an open breaker), never after
 * the time limit; every other service keeps answering; once it is back, its routes answer again
 * without the gateway being restarted.
 */
@ExtendWith(SharedSystem.class)
class ServiceOutageSystemTest {

  /** The gateway's time limit per call (gateway-service application.yml). */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void a_stopped_service_answers_503_while_the_others_answer_and_returns_without_a_gateway_restart()
      throws Exception {
    GatewayClient gateway = SharedSystem.gateway();
    String supervisor = gateway.token("{\"sub\":\"outage-sup\",\"roles\":[\"SUPERVISOR\"]}");
    List<String> others =
        List.of(
            "/api/tickets?size=1",
            "/api/customers?email=nobody@example.com",
            "/api/workorders?size=1",
            "/api/notifications/feed");
    assertThat(get("/api/analytics/backlog", supervisor).statusCode()).isEqualTo(200);

    SharedSystem.system().kill("analytics-service");
    try {
      // Enough calls to open the breaker: the first refused connections, then the open circuit.
      for (int i = 0; i < 12; i++) {
        long started = System.nanoTime();
        HttpResponse<String> down = get("/api/analytics/backlog", supervisor);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.headers().firstValue("content-type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(down.body()).contains("\"service\":\"analytics-service\"");
        assertThat(took).isLessThan(TIME_LIMIT);
      }
      for (String path : others) {
        assertThat(get(path, supervisor).statusCode()).as(path).isEqualTo(200);
      }
    } finally {
      SharedSystem.system().startAndAwait("analytics-service");
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> get("/api/analytics/backlog", supervisor).statusCode() == 200);
    for (String path : others) {
      assertThat(get(path, supervisor).statusCode()).as(path).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(SharedSystem.system().gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
