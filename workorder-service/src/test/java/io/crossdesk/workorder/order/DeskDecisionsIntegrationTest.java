package io.crossdesk.workorder.order;

import static io.crossdesk.workorder.order.WorkOrderIntegrationSupport.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.testsupport.CloudEventsProducer;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.testsupport.TopicRecorder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The desk's resolutions, closings and reopenings withdraw the work it no longer needs. */
@CrossdeskIntegrationTest
class DeskDecisionsIntegrationTest {

  private static final String FIELD = TestTokens.department("field-service");
  private static final String BILLING = TestTokens.department("billing");

  private static CloudEventsProducer producer;
  private static TopicRecorder recorder;

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  private WorkOrderIntegrationSupport it;

  @BeforeAll
  static void connect() {
    producer = CloudEventsProducer.forTestBroker();
    recorder = TopicRecorder.of(Topics.WORKORDERS);
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    recorder.close();
  }

  @BeforeEach
  void support() {
    it = new WorkOrderIntegrationSupport(json, port, producer, recorder);
  }

  @Test
  void a_fault_the_desk_resolved_leaves_field_service_once_and_goes_to_the_call_back()
      throws Exception {
    TicketOpened ticket = ticket("FAULT", "SIGNAL", "No signal " + UUID.randomUUID(), "B");
    String id = it.routeAndAwait(ticket).get("workOrderId").asString();
    it.ok(it.post("/api/workorders/" + id + "/steps/repair/claim", FIELD, null));
    ProducerRecord<String, String> resolved =
        CloudEventsProducer.event(
            Topics.TICKETS,
            ticket.ticketId(),
            EventTypes.TICKET_RESOLVED,
            it.data(resolved(ticket)));

    producer.send(resolved);
    producer.send(resolved);
    it.awaitEvent(
        EventTypes.WORKORDER_ROUTED, id, e -> "call-back".equals(e.get("stepId").asString()));
    closeAndAwait(ticket, "CANCELLED", id);

    assertThat(it.events(EventTypes.WORKORDER_STEP_WITHDRAWN, id, e -> true))
        .extracting(e -> e.get("stepId").asString() + ":" + e.get("reason").asString())
        .containsExactly("repair:ticket resolved by agent-7", "call-back:ticket CANCELLED");
    JsonNode withdrawn =
        it.awaitEvent(
            EventTypes.WORKORDER_STEP_WITHDRAWN,
            id,
            e -> "repair".equals(e.get("stepId").asString()));
    assertThat(withdrawn.get("department").asString()).isEqualTo("field-service");
    assertThat(withdrawn.get("assignee").asString()).isEqualTo("staff-field-service");
    assertThat(
            it.ok(it.get("/api/workorders?department=field-service&size=100", FIELD))
                .get("items")
                .findValuesAsString("workOrderId"))
        .doesNotContain(id);
    JsonNode order = it.ok(it.get("/api/workorders/" + id, TestTokens.supervisor()));
    assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(order.get("steps").findValuesAsString("status")).containsOnly("WITHDRAWN");
  }

  @Test
  void a_complaint_resolved_by_its_department_keeps_its_call_back_when_the_ticket_resolves()
      throws Exception {
    TicketOpened ticket = ticket("COMPLAINT", "BILLING", "Charged twice " + UUID.randomUUID(), "B");
    String id = it.routeAndAwait(ticket).get("workOrderId").asString();
    it.ok(it.post("/api/workorders/" + id + "/steps/resolve/claim", BILLING, null));
    it.ok(
        it.post(
            "/api/workorders/" + id + "/steps/resolve/complete",
            BILLING,
            "{\"resolution\":\"Refunded\",\"rootCause\":\"BILLING\"}"));
    it.awaitEvent(
        EventTypes.WORKORDER_ROUTED, id, e -> "call-back".equals(e.get("stepId").asString()));

    producer.publish(
        Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_RESOLVED, it.data(resolved(ticket)));
    producer.publish(
        Topics.TICKETS,
        ticket.ticketId(),
        EventTypes.TICKET_CLOSED,
        it.data(closed(ticket, "CONFIRMED")));
    // Behind both on the ticket's partition: once it is applied, so are they.
    closeAndAwait(ticket, "CANCELLED", id);

    assertThat(it.events(EventTypes.WORKORDER_STEP_WITHDRAWN, id, e -> true))
        .extracting(e -> e.get("reason").asString())
        .containsExactly("ticket CANCELLED");
  }

  @Test
  void a_reopened_ticket_supersedes_the_open_work_order_of_its_previous_round() throws Exception {
    TicketOpened ticket = ticket("FAULT", "SIGNAL", "Weak signal " + UUID.randomUUID(), "B");
    String first = it.routeAndAwait(ticket).get("workOrderId").asString();

    producer.publish(
        Topics.TICKETS, ticket.ticketId(), EventTypes.TICKET_REOPENED, it.data(reopened(ticket)));

    JsonNode closed = it.awaitEvent(EventTypes.WORKORDER_CLOSED, first, e -> true);
    assertThat(closed.get("status").asString()).isEqualTo("SUPERSEDED");
    assertThat(closed.get("reason").asString()).isEqualTo("reopened as round 2: still weak");
    JsonNode second =
        it.read(
            recorder
                .await(
                    record ->
                        it.routedOfTicket(ticket.ticketId()).test(record)
                            && it.read(record.value()).get("round").asInt() == 2,
                    WorkOrderIntegrationSupport.PATIENCE)
                .value());
    assertThat(second.get("workOrderId").asString()).isNotEqualTo(first);
    JsonNode order = it.ok(it.get("/api/workorders/" + first, TestTokens.supervisor()));
    assertThat(order.get("status").asString()).isEqualTo("SUPERSEDED");
    assertThat(order.get("history").findValuesAsString("action"))
        .contains("withdrawn", "superseded");
  }

  private void closeAndAwait(TicketOpened ticket, String reason, String workOrderId) {
    producer.publish(
        Topics.TICKETS,
        ticket.ticketId(),
        EventTypes.TICKET_CLOSED,
        it.data(closed(ticket, reason)));
    it.awaitEvent(EventTypes.WORKORDER_CLOSED, workOrderId, e -> true);
  }

  private static TicketResolved resolved(TicketOpened ticket) {
    return new TicketResolved(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.ticketType(),
        ticket.category(),
        ticket.channel(),
        "service-center",
        "Reset the router by phone",
        "agent-7",
        false,
        false,
        1,
        ticket.openedAt(),
        ticket.resolveBy(),
        now());
  }

  private static TicketClosed closed(TicketOpened ticket, String reason) {
    return new TicketClosed(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.ticketType(),
        ticket.category(),
        reason,
        null,
        "agent-7",
        now());
  }

  private static TicketReopened reopened(TicketOpened ticket) {
    return new TicketReopened(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.ticketType(),
        ticket.channel(),
        ticket.category(),
        "HIGH",
        ticket.title(),
        null,
        "still weak",
        1,
        2,
        "customer",
        now(),
        ticket.resolveBy(),
        null);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
