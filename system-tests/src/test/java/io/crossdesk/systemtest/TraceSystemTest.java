package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossdesk.systemtest.SpanCollector.Span;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * One ticket is one W3C trace: the gateway's span is its root, ticket-service's request span its
 * child, every consumer of every event the ticket causes (in every service) a span under the span
 * that wrote the event, all reported to a Zipkin intake; the services' log lines about the ticket
 * carry its trace id.
 */
@ExtendWith(SharedSystem.class)
class TraceSystemTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void one_ticket_is_one_trace_from_the_gateway_through_every_service() throws Exception {
    GatewayClient gateway = SharedSystem.gateway();
    RunningSystem system = SharedSystem.system();
    Desk desk = new Desk(gateway);
    String customerId = desk.registerCustomer("Trace Lin", "INDIVIDUAL", "B");

    var opened =
        gateway.exchange(
            "POST",
            "/api/tickets",
            "application/json",
            """
            {"customerId":"%s","channel":"WEB","category":"NETWORK","title":"Fibre down",
             "description":"No connection since the storm"}"""
                .formatted(customerId),
            desk.agent());
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String ticketId = JSON.readTree(opened.body()).get("id").asString();
    String traceparent = opened.headers().firstValue("traceparent").orElseThrow();
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    String traceId = traceparent.substring(3, 35);
    String workOrderId = desk.awaitRouted(ticketId, desk.agent()).get("workOrderId").asString();

    // Every service hears of the ticket: ticket-service by HTTP, the others by its events, and
    // ticket-service again by the work order's routing. Each service reports its spans in batches
    // of its own, so a consumer's span can arrive before the span it continues: wait for the last
    // of them, and for every parent named.
    List<Span> trace =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> system.spans().trace(traceId),
                spans ->
                    consumers(spans, "ticket.opened").size() == 4
                        && !consumers(spans, "workorder.routed").isEmpty()
                        && spans.stream().anyMatch(span -> span.parentId() == null)
                        && everyParentArrived(spans));
    Map<String, Span> byId =
        trace.stream().collect(Collectors.toMap(Span::id, Function.identity()));
    Span root = trace.stream().filter(span -> span.parentId() == null).findFirst().orElseThrow();
    assertThat(root.service()).isEqualTo("gateway-service");
    assertThat(root.id())
        .as("the gateway tells the caller its own span")
        .isEqualTo(traceparent.substring(36, 52));
    assertThat(trace)
        .as("one root; every other span's parent is in the trace")
        .filteredOn(span -> span != root)
        .allSatisfy(span -> assertThat(byId).containsKey(span.parentId()));

    Span request =
        trace.stream()
            .filter(span -> span.service().equals("ticket-service") && "SERVER".equals(span.kind()))
            .findFirst()
            .orElseThrow();
    assertThat(request.parentId()).isEqualTo(root.id());
    Span routing =
        trace.stream()
            .filter(
                span ->
                    span.service().equals("workorder-service")
                        && span.name().contains("ticket.opened"))
            .findFirst()
            .orElseThrow();
    assertThat(routing.parentId())
        .as("the router continues the span that wrote TicketOpened")
        .isEqualTo(request.id());
    Span routed =
        trace.stream()
            .filter(
                span ->
                    span.service().equals("ticket-service")
                        && span.name().contains("workorder.routed"))
            .findFirst()
            .orElseThrow();
    assertThat(routed.parentId())
        .as("ticket-service hears of the routing under the router's span")
        .isEqualTo(routing.id());
    assertThat(trace)
        .filteredOn(span -> span.name().contains("ticket.opened"))
        .as("every consumer of TicketOpened continues the span that wrote it")
        .allSatisfy(span -> assertThat(span.parentId()).isEqualTo(request.id()))
        .extracting(Span::service)
        .contains(
            "workorder-service", "customer-service", "notification-service", "analytics-service");
    assertThat(trace)
        .extracting(Span::service)
        .containsOnly(
            "gateway-service",
            "ticket-service",
            "workorder-service",
            "customer-service",
            "notification-service",
            "analytics-service");

    // The router's log line about the ticket carries the trace id.
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                Files.readAllLines(system.log("workorder-service")).stream()
                    .anyMatch(
                        line ->
                            line.contains(traceId)
                                && line.contains(ticketId)
                                && line.contains(workOrderId)));
  }

  /** The services with a consumer span for events whose type contains {@code type}. */
  private static boolean everyParentArrived(List<Span> spans) {
    Set<String> ids = spans.stream().map(Span::id).collect(Collectors.toSet());
    return spans.stream()
        .allMatch(span -> span.parentId() == null || ids.contains(span.parentId()));
  }

  private static Set<String> consumers(List<Span> spans, String type) {
    return spans.stream()
        .filter(span -> "CONSUMER".equals(span.kind()) && span.name().contains(type))
        .map(Span::service)
        .collect(Collectors.toSet());
  }
}
