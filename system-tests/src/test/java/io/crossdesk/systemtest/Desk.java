package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.systemtest.GatewayClient.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** What the service desk does through the gateway, as an agent, in the steps the tests repeat. */
final class Desk {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final GatewayClient gateway;
  private final String agent;

  Desk(GatewayClient gateway) {
    this.gateway = gateway;
    this.agent = gateway.token("{\"sub\":\"agent-7\",\"roles\":[\"AGENT\"]}");
  }

  /** The agent's bearer token. */
  String agent() {
    return agent;
  }

  /** A bearer token for the customer, who sees only their own tickets. */
  String customer(String customerId) {
    return gateway.token(customerClaims(customerId));
  }

  static String customerClaims(String customerId) {
    return "{\"sub\":\"c-%s\",\"roles\":[\"CUSTOMER\"],\"customerId\":\"%s\"}"
        .formatted(customerId, customerId);
  }

  String registerCustomer(String name, String type, String tier) {
    return registerCustomer(name, type, tier, "service-" + UUID.randomUUID() + "@example.com");
  }

  String registerCustomer(String name, String type, String tier, String email) {
    Response registered =
        gateway.post(
            "/api/customers",
            """
            {"name":"%s","type":"%s","tier":"%s","phone":"+86 21 %08d",
             "email":"%s","locale":"zh-CN"}
            """
                .formatted(
                    name, type, tier, ThreadLocalRandom.current().nextInt(100_000_000), email),
            agent);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    return registered.json().get("id").asString();
  }

  /**
   * @param resolution given when the agent resolves it at first contact, else null
   */
  JsonNode openTicket(String customerId, String category, String title, String resolution) {
    Response opened =
        gateway.post(
            "/api/tickets",
            """
            {"customerId":"%s","channel":"HOTLINE","category":"%s","title":"%s",
             "description":"%s"%s}"""
                .formatted(
                    customerId,
                    category,
                    title,
                    title,
                    resolution == null ? "" : ",\"resolution\":\"" + resolution + "\""),
            agent);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return opened.json();
  }

  JsonNode ticket(String ticketId, String token) {
    Response ticket = gateway.get("/api/tickets/" + ticketId, token);
    assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
    return ticket.json();
  }

  JsonNode act(String ticketId, String action, String body, String token) {
    Response answer = gateway.post("/api/tickets/" + ticketId + "/" + action, body, token);
    assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  JsonNode awaitRouted(String ticketId, String token) {
    await()
        .atMost(TIMEOUT)
        .until(() -> "ROUTED".equals(ticket(ticketId, token).get("status").asString()));
    return ticket(ticketId, token);
  }

  /**
   * Stores the next SLA policy version: {@code base}'s calendar, early thresholds and auto-close,
   * with these targets and thresholds (JSON arrays).
   */
  void putSlaPolicy(JsonNode base, String targets, String percents, String admin) {
    Response edited =
        gateway.put(
            "/api/tickets/sla-policy",
            """
            {"calendar":%s,"targets":%s,"escalationPercents":%s,"earlyEscalationPercents":%s,
             "autoCloseAfter":"%s"}"""
                .formatted(
                    base.get("calendar"),
                    targets,
                    percents,
                    base.get("earlyEscalationPercents"),
                    base.get("autoCloseAfter").asString()),
            admin);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
  }
}
