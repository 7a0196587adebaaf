package io.crossdesk.notification.log.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.Placeholder;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketReceivedTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");
  private static final TicketOpened TICKET =
      new TicketOpened(
          "T-1001",
          "C-42",
          "A",
          "HOTLINE",
          "NETWORK",
          "HIGH",
          "No internet since Monday",
          "Fibre line down",
          "agent-7",
          null,
          null,
          Instant.parse("2025-03-04T09:14:00Z"),
          Instant.parse("2025-03-05T13:14:59Z"),
          null,
          null,
          null,
          null,
          null);

  @Test
  void acknowledges_by_email_when_the_customer_has_an_email_address() {
    Contact contact = new Contact("C-42", "Ada Lovelace", "ada@example.org", "+441234567");

    Notification notification = acknowledge("event-1", Optional.of(contact));

    assertThat(notification.channel()).isEqualTo(Channel.EMAIL);
    assertThat(notification.recipient()).isEqualTo("ada@example.org");
  }

  @Test
  void acknowledges_by_sms_when_the_customer_has_only_a_phone_number() {
    Contact contact = new Contact("C-42", "Ada Lovelace", null, "+441234567");

    Notification notification = acknowledge("event-1", Optional.of(contact));

    assertThat(notification.channel()).isEqualTo(Channel.SMS);
    assertThat(notification.recipient()).isEqualTo("+441234567");
  }

  @Test
  void queues_the_acknowledgement_without_recipient_while_the_contact_is_unknown() {
    Notification notification = acknowledge("event-1", Optional.empty());

    assertThat(notification.channel()).isEqualTo(Channel.SMS);
    assertThat(notification.recipient()).isNull();
    assertThat(notification.status()).isEqualTo(NotificationStatus.QUEUED);
  }

  @Test
  void keeps_the_causing_event_the_customer_and_the_ticket() {
    Notification notification = acknowledge("event-1", Optional.empty());

    assertThat(notification.eventId()).isEqualTo("event-1");
    assertThat(notification.customerId()).isEqualTo("C-42");
    assertThat(notification.ticketId()).isEqualTo("T-1001");
    assertThat(notification.template()).isEqualTo("ticket-received");
    assertThat(notification.createdAt()).isEqualTo(NOW);
    assertThat(notification.id()).isNotBlank();
  }

  @Test
  void offers_the_ticket_number_title_customer_name_and_deadline_in_the_locale() {
    Contact contact = new Contact("C-42", "Ada Lovelace", null, null);

    assertThat(TicketReceived.values(TICKET, Optional.of(contact), "en-US"))
        .containsEntry("ticketNumber", "T-1001")
        .containsEntry("ticketTitle", "No internet since Monday")
        .containsEntry("customerName", "Ada Lovelace")
        .containsEntry("expectedResolution", "2025-03-05 13:14 UTC");
    assertThat(TicketReceived.values(TICKET, Optional.empty(), "zh-CN"))
        .containsEntry("expectedResolution", "2025年3月5日 13:14（UTC）")
        .containsEntry("customerName", null);
  }

  @Test
  void offers_exactly_the_placeholders_of_its_kind() {
    assertThat(TicketReceived.values(TICKET, Optional.empty(), "en-US").keySet())
        .containsExactlyInAnyOrderElementsOf(
            MessageKind.TICKET_RECEIVED.placeholders().stream().map(Placeholder::name).toList());
  }

  @Test
  void every_acknowledgement_is_a_new_log_entry() {
    Notification first = acknowledge("event-1", Optional.empty());
    Notification second = acknowledge("event-2", Optional.empty());

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  private static Notification acknowledge(String eventId, Optional<Contact> contact) {
    return TicketReceived.acknowledge(
        eventId, TICKET, DeliveryAddress.of(contact), "Subject", "Body", NOW);
  }
}
