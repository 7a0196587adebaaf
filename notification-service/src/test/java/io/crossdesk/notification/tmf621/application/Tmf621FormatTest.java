package io.crossdesk.notification.tmf621.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReclassified;
import io.crossdesk.contracts.ticket.TicketStatusChanged;
import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.notification.webhook.application.DeliveryFormat.Message;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.domain.WebhookSecret;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.testsupport.Tmf621Contract;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class Tmf621FormatTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2025-03-04T09:14:00Z");
  private static final Instant PUBLISHED = Instant.parse("2025-03-04T09:14:01Z");
  private static final Instant DUE = Instant.parse("2025-03-05T13:14:00Z");

  private final Tmf621Format format = new Tmf621Format(JSON);

  @Test
  void an_opened_ticket_becomes_a_create_event_with_the_whole_trouble_ticket() {
    List<Message> messages = messages(EventTypes.TICKET_OPENED, opened("agent-7", "Since Monday"));

    assertThat(messages).extracting(Message::id).containsExactly("E-1:TroubleTicketCreateEvent");
    assertThat(messages.get(0).type()).isEqualTo("TroubleTicketCreateEvent");
    assertThat(JSON.readTree(messages.get(0).body()))
        .isEqualTo(
            JSON.readTree(
                """
                {"eventId": "E-1:TroubleTicketCreateEvent",
                 "eventTime": "2025-03-04T09:14:01Z",
                 "eventType": "TroubleTicketCreateEvent",
                 "correlationId": "T-1",
                 "domain": "troubleTicket",
                 "title": "Trouble ticket T-2025-000123 created",
                 "timeOcurred": "2025-03-04T09:14:00Z",
                 "event": {"troubleTicket": {
                   "id": "T-1",
                   "href": "/tmf-api/troubleTicket/v4/troubleTicket/T-1",
                   "name": "No signal",
                   "description": "Since Monday",
                   "severity": "Major",
                   "priority": "High",
                   "ticketType": "NETWORK",
                   "status": "acknowledged",
                   "externalId": "CRM-77",
                   "channel": {"id": "HOTLINE", "name": "HOTLINE"},
                   "relatedParty": [
                     {"id": "C-1", "role": "customer", "@referredType": "Customer"},
                     {"id": "agent-7", "role": "owner", "@referredType": "Individual"}],
                   "creationDate": "2025-03-04T09:14:00Z",
                   "expectedResolutionDate": "2025-03-05T13:14:00Z",
                   "@type": "TroubleTicket",
                   "@schemaLocation": "%s"}}}
                """
                    .formatted(Tmf621.SCHEMA_LOCATION)));
  }

  @Test
  void leaves_out_what_the_event_does_not_tell() {
    JsonNode ticket = troubleTicket(messages(EventTypes.TICKET_OPENED, opened(null, null)).get(0));

    assertThat(ticket.has("description")).isFalse();
    assertThat(ticket.path("relatedParty").size()).isEqualTo(1);
    assertThat(ticket.path("relatedParty").path(0).path("role").asString()).isEqualTo("customer");
  }

  @Test
  void a_resolution_is_a_status_change_and_a_resolved_event() {
    List<Message> messages =
        messages(
            EventTypes.TICKET_STATUS_CHANGED,
            statusChanged("IN_PROGRESS", "RESOLVED", "Replaced the router"));

    assertThat(messages)
        .extracting(Message::id)
        .containsExactly("E-1:TroubleTicketStatusChangeEvent", "E-1:TroubleTicketResolvedEvent");
    JsonNode changed = troubleTicket(messages.get(0));
    assertThat(changed)
        .isEqualTo(
            JSON.readTree(
                """
                {"id": "T-1", "href": "/tmf-api/troubleTicket/v4/troubleTicket/T-1",
                 "status": "resolved", "statusChangeDate": "2025-03-04T09:14:00Z",
                 "statusChangeReason": "Replaced the router", "externalId": "CRM-77",
                 "@type": "TroubleTicket"}
                """));
    JsonNode resolved = troubleTicket(messages.get(1));
    assertThat(resolved.path("resolutionDate").asString()).isEqualTo("2025-03-04T09:14:00Z");
    assertThat(resolved.path("status").asString()).isEqualTo("resolved");
    JsonNode envelope = JSON.readTree(messages.get(1).body());
    assertThat(envelope.path("eventType").asString()).isEqualTo("TroubleTicketResolvedEvent");
    assertThat(envelope.path("title").asString())
        .isEqualTo("Trouble ticket T-2025-000123 resolved");
  }

  @Test
  void waiting_for_the_customer_is_a_status_change_and_a_request_for_information() {
    List<Message> messages =
        messages(
            EventTypes.TICKET_STATUS_CHANGED,
            statusChanged("IN_PROGRESS", "WAITING_CUSTOMER", "Which router model is it?"));

    assertThat(messages)
        .extracting(Message::type)
        .containsExactly("TroubleTicketStatusChangeEvent", "TroubleTicketInformationRequiredEvent");
    JsonNode needed = troubleTicket(messages.get(1));
    assertThat(needed.path("status").asString()).isEqualTo("pending");
    assertThat(needed.path("statusChangeReason").asString()).isEqualTo("Which router model is it?");
  }

  @Test
  void a_change_that_reads_as_the_same_tmf_status_tells_nothing() {
    assertThat(
            messages(
                EventTypes.TICKET_STATUS_CHANGED, statusChanged("ROUTED", "IN_PROGRESS", null)))
        .isEmpty();
    assertThat(messages(EventTypes.TICKET_STATUS_CHANGED, statusChanged("MERGED", "CLOSED", null)))
        .as("a status Tmf621 does not know")
        .isEmpty();
  }

  @Test
  void a_reclassification_is_an_attribute_value_change_of_priority_severity_and_due_date() {
    TicketReclassified reclassified =
        new TicketReclassified(
            "T-1",
            "T-2025-000123",
            "C-1",
            "crm",
            "CRM-77",
            "FAULT",
            "URGENT",
            "FAULT",
            "HIGH",
            DUE,
            "Outage",
            "agent-7",
            AT);

    List<Message> messages = messages(EventTypes.TICKET_RECLASSIFIED, reclassified);

    assertThat(messages)
        .extracting(Message::id)
        .containsExactly("E-1:TroubleTicketAttributeValueChangeEvent");
    assertThat(troubleTicket(messages.get(0)))
        .isEqualTo(
            JSON.readTree(
                """
                {"id": "T-1", "href": "/tmf-api/troubleTicket/v4/troubleTicket/T-1",
                 "priority": "Urgent", "severity": "Critical",
                 "expectedResolutionDate": "2025-03-05T13:14:00Z", "externalId": "CRM-77",
                 "@type": "TroubleTicket"}
                """));
  }

  @Test
  void other_events_tell_a_listener_nothing() {
    record Escalated(String ticketId, String sourceSystem) {}

    assertThat(messages(EventTypes.TICKET_ESCALATED, new Escalated("T-1", "crm"))).isEmpty();
  }

  @Test
  void a_listener_takes_the_types_its_query_names() {
    List<Message> messages =
        messages(EventTypes.TICKET_STATUS_CHANGED, statusChanged("IN_PROGRESS", "RESOLVED", null));

    assertThat(messages.stream().filter(m -> format.takes(listener(null), m)))
        .extracting(Message::type)
        .containsExactly("TroubleTicketStatusChangeEvent", "TroubleTicketResolvedEvent");
    assertThat(
            messages.stream()
                .filter(m -> format.takes(listener("eventType=TroubleTicketResolvedEvent"), m)))
        .extracting(Message::type)
        .containsExactly("TroubleTicketResolvedEvent");
  }

  private List<Message> messages(String type, Record data) {
    EventMessage event =
        new EventMessage(
            "E-1",
            "/crossdesk/ticket-service",
            type,
            "T-1",
            PUBLISHED,
            null,
            "crossdesk.tickets",
            "T-1",
            JSON.writeValueAsString(data));
    List<Message> messages =
        format.messages(new Delivered<>("E-1", data, event), JSON.readTree(event.data()));
    // Whatever a listener is sent is what TM Forum's document says a listener receives.
    for (Message message : messages) {
      assertThat(Tmf621Contract.eventProblems(message.type(), message.body()))
          .as(message.body())
          .isEmpty();
    }
    return messages;
  }

  private static JsonNode troubleTicket(Message message) {
    return JSON.readTree(message.body()).path("event").path("troubleTicket");
  }

  private static Subscription listener(String query) {
    return Subscription.tmf621Listener(
        "L-1",
        "https://crm.example.com/tmf",
        Set.of(EventTypes.TICKET_STATUS_CHANGED),
        query,
        false,
        WebhookSecret.generate(),
        AT,
        "crm");
  }

  private static TicketOpened opened(String owner, String description) {
    return new TicketOpened(
        "T-1",
        "C-1",
        "A",
        "HOTLINE",
        "NETWORK",
        "HIGH",
        "No signal",
        description,
        "crm",
        "crm",
        "CRM-77",
        AT,
        DUE,
        "T-2025-000123",
        "FAULT",
        owner,
        false,
        "CN-SH");
  }

  private static TicketStatusChanged statusChanged(String from, String to, String reason) {
    return new TicketStatusChanged(
        "T-1", "T-2025-000123", "C-1", "crm", "CRM-77", from, to, reason, "agent-7", AT);
  }
}
