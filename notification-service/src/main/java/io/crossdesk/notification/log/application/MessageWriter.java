package io.crossdesk.notification.log.application;

import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.QuietHours;
import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.CustomerAddresses;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Message;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.Occasion;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.notification.log.domain.StaffPreferences;
import io.crossdesk.notification.log.persistence.StaffPreferencesStore;
import io.crossdesk.notification.template.application.Templates;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.notification.template.domain.Rendered;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Writes a message for its recipients: one notification per recipient and channel, from the stored
 * template of the channel and the recipient's locale. A customer's direct copy (e-mail, SMS) waits
 * for the end of their quiet hours unless the occasion is urgent; the feed copy never waits.
 */
@Component
public class MessageWriter {

  private final Clock clock;
  private final String defaultLocale;
  private final StaffPreferencesStore preferences;
  private final StaffDigests digests;

  MessageWriter(
      Clock clock,
      NotificationProperties properties,
      StaffPreferencesStore preferences,
      StaffDigests digests) {
    this.clock = clock;
    this.defaultLocale = properties.defaultLocale();
    this.preferences = preferences;
    this.digests = digests;
  }

  /**
   * The message to the customer of the occasion.
   *
   * @param values the placeholders' values in the given locale
   */
  public List<Notification> toCustomer(
      Templates templates,
      Occasion occasion,
      MessageKind kind,
      Optional<Contact> contact,
      Function<String, Map<String, String>> values) {
    String locale = contact.map(Contact::locale).flatMap(Locales::closestTo).orElse(defaultLocale);
    Instant now = clock.instant();
    Instant notBefore =
        occasion.urgent()
            ? null
            : contact.flatMap(Contact::quiet).flatMap(quiet -> endOf(quiet, now)).orElse(null);
    Map<String, String> rendered = values.apply(locale);
    List<Notification> written = new ArrayList<>();
    for (DeliveryAddress to : CustomerAddresses.of(occasion.customerId(), contact)) {
      Instant deferredTo = to.channel() == Channel.IN_APP ? null : notBefore;
      render(templates, kind, to, locale, rendered)
          .map(message -> queued(occasion, message, to, locale, now, deferredTo))
          .ifPresent(written::add);
    }
    return written;
  }

  /**
   * The message to members of staff or contacts, in the desk's default locale, never deferred. A
   * member of staff addressed personally gets it in their feed and, as their preferences say, on
   * their direct channels at once or in their next digest.
   */
  public List<Notification> toStaff(
      Templates templates,
      Occasion occasion,
      MessageKind kind,
      List<DeliveryAddress> to,
      Function<String, Map<String, String>> values) {
    Instant now = clock.instant();
    Map<String, String> rendered = values.apply(defaultLocale);
    List<String> staff =
        to.stream()
            .filter(address -> address.recipientType() == RecipientType.STAFF)
            .map(DeliveryAddress::recipientKey)
            .toList();
    Map<String, StaffPreferences> chosen = staff.isEmpty() ? Map.of() : preferences.findAll(staff);
    List<DeliveryAddress> addresses = new ArrayList<>(to);
    for (String user : staff) {
      StaffPreferences member = chosen.get(user);
      if (member != null) {
        addresses.addAll(member.directAddresses());
      }
    }
    List<Notification> written = new ArrayList<>();
    for (DeliveryAddress address : addresses) {
      render(templates, kind, address, defaultLocale, rendered)
          .map(message -> queued(occasion, message, address, defaultLocale, now, null))
          .ifPresent(written::add);
    }
    for (Notification message : written) {
      StaffPreferences member = chosen.get(message.recipientKey());
      if (member != null
          && member.digestAddress() != null
          && message.channel() == Channel.IN_APP
          && message.recipientType() == RecipientType.STAFF) {
        digests.gather(member, message);
      }
    }
    return written;
  }

  private static Optional<Instant> endOf(QuietHours quiet, Instant now) {
    return quiet.endIfCovering(now);
  }

  private static Optional<Message> render(
      Templates templates,
      MessageKind kind,
      DeliveryAddress to,
      String locale,
      Map<String, String> values) {
    io.crossdesk.notification.template.domain.Channel written =
        io.crossdesk.notification.template.domain.Channel.valueOf(to.channel().name());
    if (!kind.offers(written)) {
      return Optional.empty();
    }
    return templates
        .render(kind, written, locale, values)
        .map((Rendered text) -> new Message(kind.id(), text.subject(), text.body()));
  }

  private static Notification queued(
      Occasion occasion,
      Message message,
      DeliveryAddress to,
      String locale,
      Instant now,
      Instant notBefore) {
    if (to.channel() == Channel.IN_APP) {
      return Notification.inFeed(
          occasion.eventId(),
          message,
          to,
          occasion.customerId(),
          occasion.ticketId(),
          locale,
          occasion.urgent(),
          now);
    }
    return Notification.queued(
        occasion.eventId(),
        message,
        to,
        occasion.customerId(),
        occasion.ticketId(),
        locale,
        occasion.urgent(),
        now,
        notBefore);
  }
}
