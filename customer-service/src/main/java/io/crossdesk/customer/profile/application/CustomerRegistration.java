package io.crossdesk.customer.profile.application;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.customer.profile.domain.TierAssignment;
import io.crossdesk.customer.profile.persistence.CustomerStore;
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

  private final CustomerStore customers;
  private final CustomerEvents events;
  private final TierPolicies policies;
  private final Clock clock;

  CustomerRegistration(
      CustomerStore customers, CustomerEvents events, TierPolicies policies, Clock clock) {
    this.customers = customers;
    this.events = events;
    this.policies = policies;
    this.clock = clock;
  }

  /**
   * @param manualTier the tier the desk named, or null for the policy to decide
   */
  public Customer register(Profile profile, TierAssignment manualTier, String registeredBy) {
    // Milliseconds are what MongoDB keeps: the answer, the event and later reads agree on the time.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Customer customer =
        Customer.register(profile, manualTier, policies.current(), now, registeredBy);
    customers.insert(customer, List.of(events.registered(customer)));
    return customer;
  }
}
