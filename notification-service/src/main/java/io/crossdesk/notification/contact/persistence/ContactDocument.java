package io.crossdesk.notification.contact.persistence;

import io.crossdesk.notification.contact.domain.Contact;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a customer's contact details, keyed by customer id. {@code revision} is
 * the customer's revision of the last profile change applied (null before the first).
 */
@Document("contacts")
record ContactDocument(
    @Id String customerId,
    String name,
    String email,
    String phone,
    Instant registeredAt,
    String locale,
    Long revision) {

  Contact toContact() {
    return new Contact(customerId, name, email, phone, locale);
  }
}
