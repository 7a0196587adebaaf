package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.ContactRegistered;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.TicketReceived;
import io.crossdesk.notification.log.persistence.NotificationLog;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the "ticket received" acknowledgement for every opened ticket. Only queued: the delivery
 * adapters (e-mail, SMS) that will send the queued notifications come later.
 */
@Component
public class TicketAcknowledgements {

  private final ContactDirectory contacts;
  private final NotificationLog log;
  private final Clock clock;

  TicketAcknowledgements(ContactDirectory contacts, NotificationLog log, Clock clock) {
    this.contacts = contacts;
    this.log = log;
    this.clock = clock;
  }

  public void acknowledge(String eventId, TicketOpened ticket) {
    Notification notification =
        TicketReceived.acknowledge(
            eventId, ticket, contacts.find(ticket.customerId()), clock.instant());
    log.record(notification);
    if (notification.recipient() == null) {
      // The contact may have been registered between the look-up and the insert; its own
      // addressing pass then ran before this notification existed.
      contacts.find(ticket.customerId()).ifPresent(log::addressWaitingNotifications);
    }
  }

  @EventListener
  void onContactRegistered(ContactRegistered registered) {
    log.addressWaitingNotifications(registered.contact());
  }
}
