package io.crossdesk.notification.log.domain;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The acknowledgement a customer gets when a ticket is opened for them: it confirms that the
 * request is registered, under which ticket number, and by when it is due. Its text is the {@code
 * ticket-received} template of the customer's locale and channel.
 */
public final class TicketReceived {

  public static final String TEMPLATE = MessageKind.TICKET_RECEIVED.id();

  // The customer's time zone is not known here yet, so the deadline is stated in UTC and says so.
  private static final DateTimeFormatter DEADLINE_EN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DEADLINE_ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（'UTC'）").withZone(ZoneOffset.UTC);

  private TicketReceived() {}

  public static Notification acknowledge(
      String eventId,
      TicketOpened ticket,
      DeliveryAddress address,
      String subject,
      String body,
      Instant now) {
    return Notification.queued(
        eventId,
        ticket.customerId(),
        ticket.ticketId(),
        address,
        new Message(TEMPLATE, subject, body),
        now);
  }

  /**
   * The values the {@code ticket-received} placeholders take for this ticket, in {@code locale}.
   */
  public static Map<String, String> values(
      TicketOpened ticket, Optional<Contact> contact, String locale) {
    Map<String, String> values = new HashMap<>();
    values.put(
        "ticketNumber", ticket.ticketNumber() != null ? ticket.ticketNumber() : ticket.ticketId());
    values.put("ticketTitle", ticket.title());
    values.put("customerName", contact.map(Contact::name).orElse(null));
    if (ticket.resolveBy() != null) {
      values.put(
          "expectedResolution",
          (Locales.ZH_CN.equals(locale) ? DEADLINE_ZH : DEADLINE_EN).format(ticket.resolveBy()));
    }
    return values;
  }
}
