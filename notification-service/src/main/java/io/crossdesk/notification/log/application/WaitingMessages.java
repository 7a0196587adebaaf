package io.crossdesk.notification.log.application;

import io.crossdesk.notification.contact.domain.ContactRegistered;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Messages written before their customer's contact was known here wait, unaddressed. When the
 * contact arrives they get its address and are sent, a routine one at the end of the customer's
 * quiet hours if they are in them; when the customer cannot or does not want to be reached
 * directly, they fail without a try (the feed copy has reached them).
 */
@Component
class WaitingMessages {

  private final NotificationLog log;
  private final Deliveries deliveries;
  private final Clock clock;

  WaitingMessages(NotificationLog log, Deliveries deliveries, Clock clock) {
    this.log = log;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @EventListener
  void onContactRegistered(ContactRegistered registered) {
    List<String> waiting = log.waitingForAddress(registered.contact().customerId());
    if (waiting.isEmpty()) {
      return;
    }
    Optional<DeliveryAddress> direct = CustomerAddresses.direct(registered.contact());
    // Written before the customer's quiet hours were known: a routine one waits for their end now.
    Instant quietUntil =
        registered.contact().quiet().flatMap(q -> q.endIfCovering(clock.instant())).orElse(null);
    List<Notification> addressed = new ArrayList<>();
    for (Notification notification : log.findAll(waiting)) {
      if (notification.isAddressed() || notification.status().isFinal()) {
        continue;
      }
      addressed.add(
          log.change(
              notification.id(),
              stored ->
                  direct
                      .map(
                          to -> Change.of(stored.addressed(to.channel(), to.address(), quietUntil)))
                      .orElseGet(
                          () ->
                              Change.of(
                                  stored.failed("the customer has no direct channel", true)))));
    }
    log.addressed(waiting);
    deliveries.sendAddressed(addressed);
  }
}
