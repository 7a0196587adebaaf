package io.crossdesk.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What /actuator/prometheus shows of the gateway's own work: the figures docs/performance.md
 * divides to get the CPU per request, the queue gauges the README names, and none of the
 * per-request timers the gateway switched off because they only timed the same call again.
 */
class MetricsTest extends LocalGatewayTest {

  @Test
  void cpuTimeAndRequestCountsArePublishedWithoutDuplicateTimers() {
    client
        .get()
        .uri("/api/tickets/" + UUID.randomUUID())
        .header("Authorization", "Bearer " + TestTokens.valid("agent-7", "AGENT"))
        .exchange()
        .expectStatus()
        .isOk();

    String metrics =
        client
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(metrics)
        .contains("process_cpu_time_ns_total")
        .contains("http_server_requests_seconds_count")
        .contains("resilience4j_circuitbreaker_calls_seconds_count")
        .contains("reactor_netty_connection_provider_pending_connections")
        .contains("resilience4j_bulkhead_available_concurrent_calls")
        .doesNotContain("spring_security_")
        .doesNotContain("spring_cloud_gateway_requests")
        .doesNotContain("http_client_requests");
  }
}
