package io.crossdesk.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest extends LocalGatewayTest {

  private final String token = TestTokens.valid("agent-7", "AGENT");

  @Test
  void theCallersTraceGoesOnToTheServiceAndIntoTheAccessLog(CapturedOutput output) {
    String path = "/api/tickets/" + UUID.randomUUID();
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    String answered =
        client
            .get()
            .uri(path)
            .header("Authorization", "Bearer " + token)
            .header("traceparent", traceparent)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("traceparent");

    // The gateway's own span of the caller's trace: same trace id, a span id of its own, sampled
    // as the caller asked; the service continues that span and the caller is told of it.
    assertThat(answered)
        .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
        .isNotEqualTo(traceparent);
    assertThat(TestServices.TICKETS.receivedAt(path))
        .singleElement()
        .satisfies(
            received -> assertThat(received.headers()).containsEntry("traceparent", answered));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.getOut())
                    .containsPattern(
                        "GET "
                            + path
                            + " 200 \\d+ ms caller=agent-7 trace=4bf92f3577b34da6a3ce929d0e0e4736"));
  }

  @Test
  void aRequestWithoutATraceStartsOneAndARefusedCallerIsLoggedToo(CapturedOutput output) {
    String path = "/api/tickets/" + UUID.randomUUID();

    String traceparent =
        client
            .get()
            .uri(path)
            .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("traceparent");

    assertThat(traceparent)
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
        .doesNotContain("0000000000000000");
    assertThat(TestServices.TICKETS.receivedAt(path)).isEmpty();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(output.getOut())
                    .contains("GET " + path + " 401 ")
                    .contains("caller=- trace=" + traceparent.substring(3, 35)));
  }
}
