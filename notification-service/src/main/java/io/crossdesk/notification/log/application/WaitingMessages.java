package io.crossdesk.notification.log.application;

import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.ContactRegistered;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.CustomerAddresses;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.platform.aggregate.Change;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Messages written before their customer's contact was known here wait, unaddressed. When the
 * contact arrives they get its address and are sent, a routine one at the end of the customer's
 * quiet hours if they are in them; when the customer cannot or does not want to be reached
 * directly, they fail without a try (the feed copy has reached them).
 *
 * <p>The contact and the waiting message are written by two listeners at once: each writes first
 * and then looks for the other (the contact's listener for waiting messages, the message's writer
 * for the contact, {@link AddressesMissing}), so at least one of them finds it. Whichever addresses
 * a message first sends it; the other finds it addressed.
 */
@Component
class WaitingMessages {

  private final NotificationLog log;
  private final ContactDirectory contacts;
  private final Deliveries deliveries;
  private final Clock clock;

  WaitingMessages(
      NotificationLog log, ContactDirectory contacts, Deliveries deliveries, Clock clock) {
    this.log = log;
    this.contacts = contacts;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @EventListener
  void onContactRegistered(ContactRegistered registered) {
    address(registered.contact());
  }

  /** Messages were stored without an address: their contacts may have arrived meanwhile. */
  @EventListener
  void onAddressesMissing(AddressesMissing missing) {
    contacts.findAll(missing.customerIds()).values().forEach(this::address);
  }

  private void address(Contact contact) {
    List<String> waiting = log.waitingForAddress(contact.customerId());
    if (waiting.isEmpty()) {
      return;
    }
    Optional<DeliveryAddress> direct = CustomerAddresses.direct(contact);
    // Written before the customer's quiet hours were known: a routine one waits for their end now.
    Instant quietUntil =
        contact.quiet().flatMap(q -> q.endIfCovering(clock.instant())).orElse(null);
    List<Notification> addressed = new ArrayList<>();
    for (Notification notification : log.findAll(waiting)) {
      if (notification.isAddressed() || notification.status().isFinal()) {
        continue;
      }
      AtomicBoolean mine = new AtomicBoolean();
      Notification after =
          log.change(
              notification.id(),
              stored -> {
                mine.set(!stored.isAddressed() && !stored.status().isFinal());
                if (!mine.get()) {
                  return Change.none(stored);
                }
                return direct
                    .map(to -> Change.of(stored.addressed(to.channel(), to.address(), quietUntil)))
                    .orElseGet(
                        () -> Change.of(stored.failed("the customer has no direct channel", true)));
              });
      if (mine.get()) {
        addressed.add(after);
      }
    }
    log.addressed(waiting);
    deliveries.sendAddressed(addressed);
  }
}
