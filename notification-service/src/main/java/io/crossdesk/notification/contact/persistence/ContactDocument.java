package io.crossdesk.notification.contact.persistence;

import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.QuietHours;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a customer's contact details, keyed by customer id. {@code revision} is
 * the customer's revision of the last profile change applied (null before the first); the
 * preferences (channel, consent, quiet hours) come with profile changes.
 */
@Document("contacts")
record ContactDocument(
    @Id String customerId,
    String name,
    String email,
    String phone,
    Instant registeredAt,
    String locale,
    Long revision,
    String preferredChannel,
    Boolean consent,
    String quietFrom,
    String quietTo,
    String quietZone,
    String accountManager) {

  Contact toContact() {
    return new Contact(
        customerId,
        name,
        email,
        phone,
        locale,
        preferredChannel,
        !Boolean.FALSE.equals(consent),
        QuietHours.parse(quietFrom, quietTo, quietZone).orElse(null),
        accountManager);
  }
}
