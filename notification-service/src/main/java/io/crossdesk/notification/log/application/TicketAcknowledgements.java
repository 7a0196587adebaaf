package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.ContactRegistered;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.TicketReceived;
import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.platform.consumer.Delivered;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** Queues the acknowledgements of a run of opened tickets: one look-up and one bulk write. */
  public void acknowledgeAll(List<Delivered<TicketOpened>> opened) {
    Map<String, Contact> known =
        contacts.findAll(opened.stream().map(one -> one.data().customerId()).toList());
    List<Notification> notifications =
        opened.stream()
            .map(
                one ->
                    TicketReceived.acknowledge(
                        one.eventId(),
                        one.data(),
                        Optional.ofNullable(known.get(one.data().customerId())),
                        clock.instant()))
            .toList();
    log.recordAll(notifications);
    // A contact registered between the look-up and the insert ran its addressing pass before
    // these notifications existed.
    notifications.stream()
        .filter(notification -> notification.recipient() == null)
        .map(Notification::customerId)
        .distinct()
        .forEach(
            customerId -> contacts.find(customerId).ifPresent(log::addressWaitingNotifications));
  }

  @EventListener
  void onContactRegistered(ContactRegistered registered) {
    log.addressWaitingNotifications(registered.contact());
  }
}
