package io.crossdesk.gateway.devtoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.LocalGatewayTest;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.testsupport.TestKeys;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class DevTokenEndpointTest extends LocalGatewayTest {

  private final NimbusJwtDecoder decoder =
      NimbusJwtDecoder.withPublicKey(TestKeys.get().publicKey()).build();

  @Test
  void mintsAnAgentTokenThatTheGatewayAcceptsAndForwards() {
    String token = mint(Map.of("sub", "agent-7", "roles", new String[] {"AGENT"}));
    String path = "/api/tickets/" + UUID.randomUUID();

    client
        .get()
        .uri(path)
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo("ticket-service");

    assertThat(TestServices.TICKETS.receivedAt(path))
        .singleElement()
        .satisfies(received -> assertThat(received.authorization()).isEqualTo("Bearer " + token));
  }

  @Test
  void mintedTokenCarriesIssuerSubjectRolesKeyIdAndAWorkingDayOfValidity() {
    Jwt jwt = decoder.decode(mint(Map.of("sub", "agent-7", "roles", new String[] {"AGENT"})));

    assertThat(jwt.getClaimAsString("iss")).isEqualTo("crossdesk-local");
    assertThat(jwt.getSubject()).isEqualTo("agent-7");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AGENT");
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofHours(8));
    assertThat(jwt.hasClaim("department")).isFalse();
  }

  @Test
  void departmentTokenCarriesTheDepartment() {
    Jwt jwt =
        decoder.decode(
            mint(
                Map.of(
                    "sub",
                    "net-1",
                    "roles",
                    new String[] {"DEPARTMENT"},
                    "department",
                    "network-ops")));

    assertThat(jwt.getClaimAsString("department")).isEqualTo("network-ops");
  }

  @Test
  void customerTokenCarriesTheCustomerId() {
    Jwt jwt =
        decoder.decode(
            mint(Map.of("sub", "c-1", "roles", new String[] {"CUSTOMER"}, "customerId", "cus-42")));

    assertThat(jwt.getClaimAsString("customerId")).isEqualTo("cus-42");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER");
  }

  static Stream<Arguments> invalidRequests() {
    return Stream.of(
        Arguments.of("{}", "sub"),
        Arguments.of("{\"sub\":\"agent-7\"}", "roles"),
        Arguments.of("{\"sub\":\"agent-7\",\"roles\":[]}", "roles"),
        Arguments.of("{\"sub\":\" \",\"roles\":[\"AGENT\"]}", "sub"),
        Arguments.of("{\"sub\":\"x\",\"roles\":[\"AGENT\",\"ROOT\"]}", "roles[1]"),
        Arguments.of("{\"sub\":\"net-1\",\"roles\":[\"DEPARTMENT\"]}", "department"),
        Arguments.of("{\"sub\":\"c-1\",\"roles\":[\"CUSTOMER\"]}", "customerId"));
  }

  @ParameterizedTest(name = "{0} is rejected for {1}")
  @MethodSource("invalidRequests")
  void rejectsAnInvalidRequestNamingTheField(String body, String field) {
    client
        .post()
        .uri("/dev/token")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[?(@.field == '%s')].message".formatted(field))
        .isNotEmpty();
  }

  @Test
  void rejectsMalformedJsonAsProblemDetails() {
    client
        .post()
        .uri("/dev/token")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"sub\": ")
        .exchange()
        .expectStatus()
        .isEqualTo(HttpStatus.BAD_REQUEST)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private String mint(Map<String, Object> body) {
    DevTokenResponse response =
        client
            .post()
            .uri("/dev/token")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(DevTokenResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(response).isNotNull();
    assertThat(response.tokenType()).isEqualTo("Bearer");
    assertThat(response.expiresIn()).isEqualTo(Duration.ofHours(8).toSeconds());
    return response.accessToken();
  }
}
