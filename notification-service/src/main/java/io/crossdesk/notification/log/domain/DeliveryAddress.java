package io.crossdesk.notification.log.domain;

import io.crossdesk.notification.contact.domain.Contact;
import java.util.Optional;

/**
 * Where a notification goes: e-mail when the customer has an address, otherwise SMS. The recipient
 * is null while the customer's contact is not known here yet (the customer's and the ticket's
 * events travel on different topics, so a ticket can arrive first).
 */
public record DeliveryAddress(Channel channel, String recipient) {

  public static DeliveryAddress of(Optional<Contact> contact) {
    return contact.map(DeliveryAddress::of).orElse(new DeliveryAddress(Channel.SMS, null));
  }

  public static DeliveryAddress of(Contact contact) {
    if (contact.hasEmail()) {
      return new DeliveryAddress(Channel.EMAIL, contact.email());
    }
    return new DeliveryAddress(Channel.SMS, contact.hasPhone() ? contact.phone() : null);
  }

  public boolean isKnown() {
    return recipient != null;
  }
}
