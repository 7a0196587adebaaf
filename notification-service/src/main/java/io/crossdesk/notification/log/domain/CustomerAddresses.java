package io.crossdesk.notification.log.domain;

import io.crossdesk.notification.contact.domain.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a customer's messages go. Every message lands in the customer's in-app feed. One copy also
 * goes out directly: on the channel the customer prefers when they can be reached on it, else by
 * e-mail when they have an address, else by SMS. Nothing goes out directly when the customer
 * withdrew consent, or prefers the web portal or the app (they read the feed there). While the
 * contact is not known here yet the direct copy waits, unaddressed, for it.
 */
public final class CustomerAddresses {

  private static final Set<String> READS_THE_FEED = Set.of("WEB", "APP");

  private CustomerAddresses() {}

  public static List<DeliveryAddress> of(String customerId, Optional<Contact> contact) {
    List<DeliveryAddress> to = new ArrayList<>();
    to.add(DeliveryAddress.feed(RecipientType.CUSTOMER, customerId));
    if (contact.isEmpty()) {
      to.add(new DeliveryAddress(Channel.EMAIL, RecipientType.CUSTOMER, customerId, null));
    } else {
      direct(contact.get()).ifPresent(to::add);
    }
    return to;
  }

  /** The direct copy's channel and address for a known contact; empty when there is none. */
  public static Optional<DeliveryAddress> direct(Contact contact) {
    if (!contact.consent()
        || (contact.preferredChannel() != null
            && READS_THE_FEED.contains(contact.preferredChannel()))) {
      return Optional.empty();
    }
    boolean prefersSms = "SMS".equals(contact.preferredChannel());
    if (prefersSms && contact.hasPhone()) {
      return Optional.of(sms(contact));
    }
    if (contact.hasEmail()) {
      return Optional.of(
          new DeliveryAddress(
              Channel.EMAIL, RecipientType.CUSTOMER, contact.customerId(), contact.email()));
    }
    return contact.hasPhone() ? Optional.of(sms(contact)) : Optional.empty();
  }

  private static DeliveryAddress sms(Contact contact) {
    return new DeliveryAddress(
        Channel.SMS, RecipientType.CUSTOMER, contact.customerId(), contact.phone());
  }
}
