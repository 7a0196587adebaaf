package io.crossdesk.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestTokens;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class TokenValidationTest extends LocalGatewayTest {

  @Test
  void requestWithoutTokenIsUnauthorizedWithProblemDetails() {
    client
        .get()
        .uri("/api/tickets/t-1")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.title")
        .isEqualTo("Unauthorized")
        .jsonPath("$.instance")
        .isEqualTo("/api/tickets/t-1")
        .jsonPath("$.detail")
        .isEqualTo("A valid bearer token is required.");
  }

  static Stream<Arguments> rejectedTokens() {
    String valid = TestTokens.valid("agent-7", "AGENT");
    String[] parts = valid.split("\\.");
    // Same header and signature, but the payload now claims a different subject.
    String tamperedPayload =
        parts[0] + "." + TestTokens.valid("admin-1", "ADMIN").split("\\.")[1] + "." + parts[2];
    return Stream.of(
        Arguments.of("tampered payload", tamperedPayload),
        Arguments.of("signed by an unknown key", TestTokens.signedByForeignKey("admin-1")),
        Arguments.of("expired", TestTokens.expired("agent-7")),
        Arguments.of("wrong issuer", TestTokens.fromIssuer("someone-else", "agent-7")),
        Arguments.of(
            "not yet valid",
            io.crossdesk.testsupport.TestTokens.notYetValid("agent-7", List.of("AGENT"))),
        Arguments.of(
            "issued for another application",
            io.crossdesk.testsupport.TestTokens.forAudience(
                "payroll", "agent-7", List.of("AGENT"))),
        Arguments.of(
            "unsigned (alg none)",
            io.crossdesk.testsupport.TestTokens.unsigned("admin-1", List.of("ADMIN"))),
        Arguments.of("no subject", TestTokens.valid(" ", "AGENT")),
        Arguments.of("not a JWT", "not-a-token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedTokens")
  void invalidTokenIsUnauthorized(String why, String token) {
    client
        .get()
        .uri("/api/customers/c-1")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            String.class, detail -> assertThat(detail).startsWith("The bearer token was rejected"));
  }

  @Test
  void healthInfoAndMetricsAreOpen() {
    for (String path :
        new String[] {"/actuator/health", "/actuator/info", "/actuator/prometheus"}) {
      client.get().uri(path).exchange().expectStatus().isOk();
    }
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
  }

  @Test
  void otherActuatorEndpointsNeedATokenAndAreNotExposed() {
    client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    withToken(client.get().uri("/actuator/env")).exchange().expectStatus().isNotFound();
  }

  @Test
  void circuitBreakerFallbackCannotBeCalledFromOutside() {
    withToken(client.get().uri("/fallback/ticket-service"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(403);
  }

  @Test
  void corsPreflightFromALocalFrontEndIsAllowed() {
    client
        .options()
        .uri("/api/tickets")
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
  }

  @Test
  void corsPreflightFromAnUnknownOriginIsRefused() {
    client
        .options()
        .uri("/api/tickets")
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private static WebTestClient.RequestHeadersSpec<?> withToken(
      WebTestClient.RequestHeadersSpec<?> request) {
    return request.header("Authorization", "Bearer " + TestTokens.valid("agent-7", "AGENT"));
  }
}
