package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.CustomerType;
import io.crossdesk.customer.profile.domain.Tier;
import java.time.Instant;

/** A customer as the API shows it. */
public record CustomerView(
    String id,
    String name,
    CustomerType type,
    Tier tier,
    String phone,
    String email,
    Instant registeredAt) {

  static CustomerView of(Customer customer) {
    return new CustomerView(
        customer.id().value(),
        customer.name(),
        customer.type(),
        customer.tier(),
        customer.phone().value(),
        customer.email().value(),
        customer.registeredAt());
  }
}
