package io.crossdesk.customer.profile;

import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.NewCustomer;
import io.crossdesk.customer.profile.persistence.CustomerDocument;
import io.crossdesk.customer.profile.persistence.CustomerRepository;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Registers customers. The customer and the CustomerRegistered event are stored in one document
 * write, so the event is published if and only if the customer exists.
 */
@Service
public class CustomerRegistration {

  private final CustomerRepository customers;
  private final Events events;
  private final Clock clock;

  CustomerRegistration(CustomerRepository customers, Events events, Clock clock) {
    this.customers = customers;
    this.events = events;
    this.clock = clock;
  }

  public Customer register(NewCustomer details, String registeredBy) {
    // Milliseconds are what MongoDB keeps: the answer, the event and later reads agree on the time.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Customer customer = Customer.register(details, now, registeredBy);
    EventMessage registered = events.create(customer.id().value(), announcement(customer));
    customers.save(CustomerDocument.registered(customer, List.of(registered)));
    return customer;
  }

  private static CustomerRegistered announcement(Customer customer) {
    return new CustomerRegistered(
        customer.id().value(),
        customer.name(),
        customer.type().name(),
        customer.tier().name(),
        customer.phone().value(),
        customer.email().value(),
        customer.registeredAt());
  }
}
