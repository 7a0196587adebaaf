package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.ContactRegistered;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.TicketReceived;
import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.application.Templates;
import io.crossdesk.notification.template.domain.Channel;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.Rendered;
import io.crossdesk.platform.consumer.Delivered;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues the "ticket received" acknowledgement for every opened ticket, written from the stored
 * template of the customer's channel and locale. Only queued: the delivery adapters (e-mail, SMS)
 * that will send the queued notifications come later.
 */
@Component
public class TicketAcknowledgements {

  private final ContactDirectory contacts;
  private final NotificationLog log;
  private final TemplateCatalogue templates;
  private final Clock clock;
  private final String defaultLocale;

  TicketAcknowledgements(
      ContactDirectory contacts,
      NotificationLog log,
      TemplateCatalogue templates,
      Clock clock,
      @Value("${crossdesk.notifications.default-locale:en-US}") String defaultLocale) {
    this.contacts = contacts;
    this.log = log;
    this.templates = templates;
    this.clock = clock;
    this.defaultLocale =
        Locales.supported(defaultLocale)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "crossdesk.notifications.default-locale must be one of "
                            + Locales.SUPPORTED));
  }

  /**
   * Queues the acknowledgements of a run of opened tickets: one contact look-up, the templates from
   * memory (read from the store at most once) and one bulk write.
   */
  public void acknowledgeAll(List<Delivered<TicketOpened>> opened) {
    Map<String, Contact> known =
        contacts.findAll(opened.stream().map(one -> one.data().customerId()).toList());
    Templates inForce = templates.current();
    List<Notification> notifications =
        opened.stream()
            .map(
                one ->
                    acknowledge(
                        one, Optional.ofNullable(known.get(one.data().customerId())), inForce))
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

  private Notification acknowledge(
      Delivered<TicketOpened> opened, Optional<Contact> contact, Templates inForce) {
    DeliveryAddress address = DeliveryAddress.of(contact);
    String locale = contact.map(Contact::locale).flatMap(Locales::closestTo).orElse(defaultLocale);
    Rendered message =
        inForce
            .render(
                MessageKind.TICKET_RECEIVED,
                textChannel(address),
                locale,
                TicketReceived.values(opened.data(), contact, locale))
            .orElseThrow(() -> new IllegalStateException("no ticket-received template"));
    return TicketReceived.acknowledge(
        opened.eventId(),
        opened.data(),
        address,
        message.subject(),
        message.body(),
        clock.instant());
  }

  /**
   * The channel the text is written for. While the contact is unknown the channel is too, and the
   * e-mail text (the fuller one, with a subject) is queued; it keeps that text when the contact
   * turns out to be reachable by SMS only.
   */
  private static Channel textChannel(DeliveryAddress address) {
    return address.isKnown() ? Channel.valueOf(address.channel().name()) : Channel.EMAIL;
  }

  @EventListener
  void onContactRegistered(ContactRegistered registered) {
    log.addressWaitingNotifications(registered.contact());
  }
}
