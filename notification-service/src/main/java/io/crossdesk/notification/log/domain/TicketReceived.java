package io.crossdesk.notification.log.domain;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.Contact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The acknowledgement a customer gets when a ticket is opened for them: it confirms that the
 * request is registered, under which ticket number, and by when it is due.
 */
public final class TicketReceived {

  public static final String TEMPLATE = "ticket-received";

  // The customer's time zone is not known here yet, so the deadline is stated in UTC and says so.
  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TicketReceived() {}

  public static Notification acknowledge(
      String eventId, TicketOpened ticket, Optional<Contact> contact, Instant now) {
    return Notification.queued(
        eventId,
        ticket.customerId(),
        ticket.ticketId(),
        DeliveryAddress.of(contact),
        render(ticket),
        now);
  }

  static Message render(TicketOpened ticket) {
    String subject = "We have received your request: " + ticket.title();
    String body =
        "Your request \""
            + ticket.title()
            + "\" is registered as ticket "
            + ticket.ticketId()
            + ". We will resolve it by "
            + DEADLINE.format(ticket.resolveBy())
            + ". Please quote the ticket number whenever you contact us about it.";
    return new Message(TEMPLATE, subject, body);
  }
}
