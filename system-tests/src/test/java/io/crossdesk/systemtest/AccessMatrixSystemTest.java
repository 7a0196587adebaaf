package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.security.Role;
import io.crossdesk.systemtest.GatewayClient.Response;
import io.crossdesk.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of every service, through the gateway, with every role and without a token,
 * against one declared table ({@code access-matrix.txt}): the capability each endpoint needs. A
 * role that has it must get past the door (any answer but 401 and 403, and never a 5xx, even for
 * the empty body and unknown ids sent here); a role without it hears 403 problem+json; no token,
 * 401. An endpoint the services describe in their OpenAPI documents without a row, or a row for an
 * endpoint no service describes, fails the test.
 *
 * <p>What a capability allows depends, for some, on whose data it is (a customer's own ticket, a
 * department's own step): those cases are the cross-owner tests below, on real tickets.
 */
@ExtendWith(SharedSystem.class)
class AccessMatrixSystemTest {

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private static GatewayClient gateway;
  private static Map<Role, String> tokens;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void tokens() {
    gateway = SharedSystem.gateway();
    tokens = new LinkedHashMap<>();
    tokens.put(Role.CUSTOMER, token("matrix-customer", "CUSTOMER", ",\"customerId\":\"c-matrix\""));
    tokens.put(Role.AGENT, token("matrix-agent", "AGENT", ""));
    tokens.put(
        Role.DEPARTMENT, token("matrix-billing", "DEPARTMENT", ",\"department\":\"billing\""));
    tokens.put(Role.SUPERVISOR, token("matrix-supervisor", "SUPERVISOR", ""));
    tokens.put(Role.ADMIN, token("matrix-admin", "ADMIN", ""));
    tokens.put(Role.SYSTEM, token("matrix-system", "SYSTEM", ""));
  }

  @Test
  void every_endpoint_has_a_row_and_every_row_an_endpoint() {
    Set<String> described = describedEndpoints();
    Set<String> declared = new TreeSet<>();
    AccessMatrix.rows().forEach(row -> declared.add(row.method() + " " + row.path()));

    assertThat(declared)
        .as("rows in access-matrix.txt for endpoints no service describes")
        .isSubsetOf(described);
    assertThat(described).as("endpoints without a row in access-matrix.txt").isSubsetOf(declared);
  }

  @Test
  void every_role_gets_exactly_what_the_table_grants() {
    SoftAssertions softly = new SoftAssertions();
    int cases = 0;
    for (AccessMatrix.Row row : AccessMatrix.rows()) {
      Answer anonymous = call(row, null);
      cases++;
      if (row.open()) {
        softly.assertThat(anonymous.status()).as(row + " without a token").isNotIn(401, 403);
      } else {
        softly.assertThat(anonymous.status()).as(row + " without a token").isEqualTo(401);
      }
      for (Map.Entry<Role, String> role : tokens.entrySet()) {
        boolean granted = row.open() || row.capability().roles().contains(role.getKey());
        if (granted && row.denyOnly()) {
          continue;
        }
        Answer answer = call(row, role.getValue());
        cases++;
        String what = row + " as " + role.getKey();
        if (granted) {
          softly.assertThat(answer.status()).as(what + ": " + answer.body()).isNotIn(401, 403);
          softly.assertThat(answer.status()).as(what + ": " + answer.body()).isLessThan(500);
        } else {
          softly.assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(403);
          softly.assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        }
      }
    }
    System.out.println("access matrix: " + cases + " cases");
    softly.assertAll();
  }

  /**
   * Rules the desk relies on, stated on their own so that a change to the roles' capabilities that
   * breaks one fails here, not only moves the matrix's expectations along with it.
   */
  @Test
  void an_agent_cannot_change_routing_templates_sla_policies_or_targets() {
    String agent = tokens.get(Role.AGENT);
    for (String[] change :
        new String[][] {
          {"PUT", "/api/routing-rules/r-1"},
          {"DELETE", "/api/routing-rules/r-1"},
          {"PUT", "/api/flow-templates/fault-repair"},
          {"PUT", "/api/departments/billing"},
          {"PUT", "/api/notifications/templates/ticket-received/EMAIL/zh-CN"},
          {"PUT", "/api/tickets/sla-policy"},
          {"PUT", "/api/tickets/categories/NETWORK"},
          {"PUT", "/api/customers/tier-policy"},
          {"PUT", "/api/analytics/targets"}
        }) {
      AccessMatrix.Row row = new AccessMatrix.Row(change[0], change[1], null, false);
      assertThat(call(row, agent).status()).as(row + " as AGENT").isEqualTo(403);
    }
  }

  static Stream<Arguments> refusedTokens() {
    List<String> admin = List.of("ADMIN");
    return Stream.of(
        Arguments.of(
            "expired",
            TestTokens.token(
                TestTokens.ISSUER,
                "admin-1",
                admin,
                Map.of(),
                Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1))),
        Arguments.of("not yet valid", TestTokens.notYetValid("admin-1", admin)),
        Arguments.of("signed by an unknown key", TestTokens.signedByAnotherKey("admin-1", admin)),
        Arguments.of(
            "from another issuer",
            TestTokens.token("someone-else", "admin-1", admin, Map.of(), Duration.ofHours(1))),
        Arguments.of(
            "for another application", TestTokens.forAudience("payroll", "admin-1", admin)),
        Arguments.of("unsigned (alg none)", TestTokens.unsigned("admin-1", admin)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void a_token_that_is_not_valid_gets_401_from_every_service(String why, String token) {
    for (String path :
        List.of(
            "/api/customers/c-1",
            "/api/tickets",
            "/api/workorders",
            "/api/notifications/feed",
            "/api/analytics/backlog")) {
      Response answer = gateway.get(path, "Bearer " + token);
      assertThat(answer.status()).as(why + " " + path).isEqualTo(401);
      assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void a_customer_cannot_read_comment_on_answer_rate_or_merge_another_customers_ticket() {
    Desk desk = new Desk(gateway);
    String owner = desk.registerCustomer("Lakeside Dental", "INDIVIDUAL", "C");
    String other = desk.registerCustomer("Harbour Books", "INDIVIDUAL", "C");
    String ticketId =
        desk.openTicket(owner, "TARIFF", "Invoice address", "Explained where to change it")
            .get("id")
            .asString();
    String ownTicket =
        desk.openTicket(other, "TARIFF", "Opening hours", "Told them").get("id").asString();
    String stranger = desk.customer(other);
    JsonNode before = desk.ticket(ticketId, desk.agent());

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(gateway.get("/api/tickets/" + ticketId, stranger).status()).isEqualTo(404);
    for (String[] action :
        new String[][] {
          {"comments", "{\"text\":\"Is this mine?\"}"},
          {"confirm", "{}"},
          {"reject", "{\"reason\":\"not solved\"}"},
          {"cancel", "{\"reason\":\"no longer needed\"}"},
          {"satisfaction", "{\"score\":1,\"comment\":\"bad\"}"}
        }) {
      Response answer =
          gateway.post("/api/tickets/" + ticketId + "/" + action[0], action[1], stranger);
      softly.assertThat(answer.status()).as(action[0] + ": " + answer.body()).isEqualTo(404);
      softly.assertThat(answer.body()).as(action[0]).doesNotContain("Invoice address");
    }
    Response merge =
        gateway.post(
            "/api/tickets/" + ownTicket + "/merge",
            "{\"into\":\"%s\"}".formatted(ticketId),
            stranger);
    softly.assertThat(merge.status()).as("merge: " + merge.body()).isEqualTo(403);
    softly
        .assertThat(gateway.get("/api/tickets", stranger).json().findValuesAsString("id"))
        .contains(ownTicket)
        .doesNotContain(ticketId);
    softly.assertAll();

    JsonNode after = desk.ticket(ticketId, desk.agent());
    assertThat(after.get("status")).isEqualTo(before.get("status"));
    assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
    assertThat(after.get("version")).isEqualTo(before.get("version"));
  }

  @Test
  void staff_of_another_department_cannot_see_or_act_on_a_step_or_its_customer() {
    Desk desk = new Desk(gateway);
    String customerId = desk.registerCustomer("Riverside Clinic", "ENTERPRISE", "B");
    String ticketId =
        desk.openTicket(customerId, "NETWORK", "Fibre cut at the clinic", null)
            .get("id")
            .asString();
    JsonNode routed = desk.awaitRouted(ticketId, desk.agent());
    String department = routed.get("department").asString();
    String workOrderId = routed.get("workOrderId").asString();
    String holder =
        gateway.token(
            "{\"sub\":\"holder-1\",\"roles\":[\"DEPARTMENT\"],\"department\":\"%s\"}"
                .formatted(department));
    String billing =
        gateway.token(
            "{\"sub\":\"billing-9\",\"roles\":[\"DEPARTMENT\"],\"department\":\"billing\"}");
    JsonNode workOrder = gateway.get("/api/workorders/" + workOrderId, holder).json();
    String stepId = workOrder.path("steps").get(0).get("id").asString();

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(department).isNotEqualTo("billing");
    softly.assertThat(gateway.get("/api/customers/" + customerId, holder).status()).isEqualTo(200);
    softly
        .assertThat(gateway.get("/api/workorders/" + workOrderId, billing).status())
        .isIn(403, 404);
    softly
        .assertThat(gateway.get("/api/workorders?department=" + department, billing).status())
        .isEqualTo(403);
    for (String action : List.of("claim", "start", "complete", "return", "transfer")) {
      Response answer =
          gateway.post(
              "/api/workorders/%s/steps/%s/%s".formatted(workOrderId, stepId, action),
              "{\"notes\":\"not ours\",\"reason\":\"not ours\",\"department\":\"billing\"}",
              billing);
      softly.assertThat(answer.status()).as(action + ": " + answer.body()).isIn(403, 404);
    }
    softly.assertThat(gateway.get("/api/customers/" + customerId, billing).status()).isIn(403, 404);
    softly
        .assertThat(gateway.get("/api/customers/" + customerId + "/contacts", billing).status())
        .isIn(403, 404);
    softly.assertThat(gateway.get("/api/tickets/" + ticketId, billing).status()).isIn(403, 404);
    softly
        .assertThat(
            gateway
                .get("/api/analytics/departments/" + department + "/scorecard", billing)
                .status())
        .isEqualTo(403);
    softly.assertAll();

    JsonNode after = gateway.get("/api/workorders/" + workOrderId, holder).json();
    assertThat(after.path("steps")).isEqualTo(workOrder.path("steps"));
  }

  private static String token(String subject, String role, String claims) {
    return gateway.token("{\"sub\":\"%s\",\"roles\":[\"%s\"]%s}".formatted(subject, role, claims));
  }

  /** Method and gateway path of every operation in the services' OpenAPI documents. */
  private static Set<String> describedEndpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (String service : AccessMatrix.SERVICES) {
      Response docs = gateway.get("/v3/api-docs/" + service, null);
      assertThat(docs.status()).as(service + " OpenAPI").isEqualTo(200);
      JsonNode paths = docs.json().get("paths");
      for (String path : paths.propertyNames()) {
        String routed = AccessMatrix.routed(service, path);
        for (String method : paths.get(path).propertyNames()) {
          endpoints.add(method.toUpperCase() + " " + routed);
        }
      }
    }
    return endpoints;
  }

  private Answer call(AccessMatrix.Row row, String token) {
    Matcher parameters = PARAMETER.matcher(row.path());
    String path = parameters.replaceAll(match -> example(match.group(1)));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(SharedSystem.system().gatewayUrl() + path))
            .timeout(Duration.ofSeconds(30));
    if (BODY_METHODS.contains(row.method())) {
      request.method(row.method(), HttpRequest.BodyPublishers.ofString("{}"));
      request.header("Content-Type", "application/json");
    } else {
      request.method(row.method(), HttpRequest.BodyPublishers.noBody());
    }
    if (token != null) {
      request.header("Authorization", token);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String contentType = response.headers().firstValue("content-type").orElse("");
      String body;
      try (InputStream stream = response.body()) {
        // A live stream a role may read never ends: its status and type are the answer.
        body =
            contentType.startsWith("text/event-stream")
                ? ""
                : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Answer(response.statusCode(), contentType, body);
    } catch (IOException e) {
      throw new IllegalStateException(row + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A value for a path parameter: well-formed where the endpoint checks the form, never stored. */
  private static String example(String parameter) {
    return switch (parameter) {
      case "version", "number" -> "1";
      case "kind" -> "dead-letters";
      // The department of the DEPARTMENT token: its own scorecard is the one it may read.
      case "department" -> "billing";
      default -> "matrix-" + parameter;
    };
  }

  private record Answer(int status, String contentType, String body) {}
}
