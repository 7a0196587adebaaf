package io.crossdesk.customer.profile.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone the desk serves. Registered once, by a member of staff; every request, ticket and contact
 * later refers to the customer by id.
 */
public record Customer(
    CustomerId id,
    String name,
    CustomerType type,
    Tier tier,
    PhoneNumber phone,
    EmailAddress email,
    Instant registeredAt,
    String registeredBy) {

  public static final int MAX_NAME_LENGTH = 200;

  public Customer {
    Objects.requireNonNull(id, "id");
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw new InvalidCustomerException("name", "must not be blank");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidCustomerException(
          "name", "must be at most " + MAX_NAME_LENGTH + " characters long");
    }
    if (type == null) {
      throw new InvalidCustomerException("type", "must be given");
    }
    if (tier == null) {
      throw new InvalidCustomerException("tier", "must be given");
    }
    if (phone == null) {
      throw new InvalidCustomerException("phone", "must be given");
    }
    if (email == null) {
      throw new InvalidCustomerException("email", "must be given");
    }
    Objects.requireNonNull(registeredAt, "registeredAt");
    if (registeredBy == null || registeredBy.isBlank()) {
      throw new IllegalArgumentException("a customer is registered by someone");
    }
  }

  /** A new customer, registered now by {@code registeredBy} with a fresh id. */
  public static Customer register(NewCustomer details, Instant registeredAt, String registeredBy) {
    return new Customer(
        CustomerId.generate(),
        details.name(),
        details.type(),
        details.tier(),
        details.phone(),
        details.email(),
        registeredAt,
        registeredBy);
  }

  /**
   * Whether someone who is limited to their own customer record ({@code ownCustomerId}) may see
   * this one.
   */
  public boolean belongsTo(String ownCustomerId) {
    return id.value().equals(ownCustomerId);
  }
}
