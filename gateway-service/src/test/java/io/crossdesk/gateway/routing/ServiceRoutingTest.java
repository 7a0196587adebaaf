package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestBackend;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class ServiceRoutingTest extends LocalGatewayTest {

  private final String token = TestTokens.valid("agent-7", "AGENT");

  static Stream<Arguments> routes() {
    return Stream.of(
        Arguments.of("/api/customers", TestServices.CUSTOMERS, "customer-service"),
        Arguments.of("/api/tickets", TestServices.TICKETS, "ticket-service"),
        Arguments.of("/api/workorders", TestServices.WORKORDERS, "workorder-service"),
        Arguments.of("/api/routing-rules", TestServices.WORKORDERS, "workorder-service"),
        Arguments.of("/api/flow-templates", TestServices.WORKORDERS, "workorder-service"),
        Arguments.of("/api/departments", TestServices.WORKORDERS, "workorder-service"),
        Arguments.of(
            "/api/routing-configuration/changes", TestServices.WORKORDERS, "workorder-service"),
        Arguments.of("/api/notifications", TestServices.NOTIFICATIONS, "notification-service"),
        Arguments.of("/api/webhooks", TestServices.NOTIFICATIONS, "notification-service"));
  }

  @ParameterizedTest(name = "{0} goes to {2}")
  @MethodSource("routes")
  void pathPrefixReachesItsServiceWithTheCallersToken(
      String prefix, TestBackend backend, String service) {
    String path = prefix + "/" + UUID.randomUUID();

    client
        .get()
        .uri(path + "?page=2")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service);

    assertThat(backend.receivedAt(path))
        .singleElement()
        .satisfies(
            received -> {
              assertThat(received.authorization()).isEqualTo("Bearer " + token);
              assertThat(received.query()).isEqualTo("page=2");
            });
  }

  @Test
  void headersClaimingAnIdentityNeverReachAService() {
    String path = "/api/tickets/" + UUID.randomUUID();

    client
        .get()
        .uri(path)
        .header("Authorization", "Bearer " + token)
        .header("X-User-Id", "admin-1")
        .header("X-Forwarded-User", "admin-1")
        .header("X-User-Roles", "ADMIN")
        .header("Remote-User", "admin-1")
        .header("X-Request-Note", "kept")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(TestServices.TICKETS.receivedAt(path))
        .singleElement()
        .satisfies(
            received ->
                assertThat(received.headers())
                    .containsKeys("x-request-note", "authorization")
                    .doesNotContainKeys(
                        "x-user-id", "x-forwarded-user", "x-user-roles", "remote-user"));
  }

  @Test
  void collectionPathWithoutTrailingSegmentIsRouted() {
    client
        .post()
        .uri("/api/tickets")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"subject\":\"no dial tone\"}")
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(TestServices.TICKETS.receivedAt("/api/tickets"))
        .anySatisfy(received -> assertThat(received.method()).isEqualTo("POST"));
  }

  @Test
  void eachServicesOpenApiDocumentIsServedWithoutAToken() {
    client.get().uri("/v3/api-docs/ticket-service").exchange().expectStatus().isOk();

    assertThat(TestServices.TICKETS.receivedAt("/v3/api-docs"))
        .anySatisfy(received -> assertThat(received.method()).isEqualTo("GET"));
  }

  @Test
  void eachServicesStuckWorkIsReachedUnderItsName() {
    client
        .get()
        .uri("/api/admin/workorder-service/stuck-work?limit=5")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();

    assertThat(TestServices.WORKORDERS.receivedAt("/api/admin/stuck-work"))
        .singleElement()
        .satisfies(received -> assertThat(received.query()).isEqualTo("limit=5"));
  }

  @Test
  void unknownApiPathIsNotFound() {
    client
        .get()
        .uri("/api/nothing-here")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void failedReadIsRetriedButAFailedPostIsNotEvenWithAnIdempotencyKey() {
    String read = "/api/tickets/" + UUID.randomUUID() + "/status-503";
    String write = "/api/tickets/" + UUID.randomUUID() + "/status-503";

    client
        .get()
        .uri(read)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isEqualTo(503);
    client
        .post()
        .uri(write)
        .header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isEqualTo(503);

    assertThat(TestServices.TICKETS.receivedAt(read)).hasSize(3);
    assertThat(TestServices.TICKETS.receivedAt(write)).hasSize(1);
  }
}
