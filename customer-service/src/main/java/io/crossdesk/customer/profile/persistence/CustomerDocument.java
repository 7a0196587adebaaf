package io.crossdesk.customer.profile.persistence;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerId;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.EmailAddress;
import io.crossdesk.customer.profile.domain.PhoneNumber;
import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer as stored, with the events its last change caused still waiting to be published. Phone
 * and e-mail are also kept in their look-up forms; they are indexed for the desk's searches but not
 * unique, since family members may share a phone or an address.
 */
@Document("customers")
@CompoundIndex(name = "phone_lookup", def = "{'phoneKey': 1, 'registeredAt': -1}")
@CompoundIndex(name = "email_lookup", def = "{'emailKey': 1, 'registeredAt': -1}")
public record CustomerDocument(
    @Id String id,
    String name,
    CustomerType type,
    Tier tier,
    String phone,
    String phoneKey,
    String email,
    String emailKey,
    Instant registeredAt,
    String registeredBy,
    @Version Long version,
    List<EventMessage> outbox)
    implements HasOutbox {

  public CustomerDocument {
    outbox = outbox == null ? List.of() : List.copyOf(outbox);
  }

  /** A newly registered customer, stored together with the events announcing it. */
  public static CustomerDocument registered(Customer customer, List<EventMessage> events) {
    return new CustomerDocument(
        customer.id().value(),
        customer.name(),
        customer.type(),
        customer.tier(),
        customer.phone().value(),
        customer.phone().lookupKey(),
        customer.email().value(),
        customer.email().lookupKey(),
        customer.registeredAt(),
        customer.registeredBy(),
        null,
        events);
  }

  public Customer toCustomer() {
    return new Customer(
        new CustomerId(id),
        name,
        type,
        tier,
        new PhoneNumber(phone),
        new EmailAddress(email),
        registeredAt,
        registeredBy);
  }
}
