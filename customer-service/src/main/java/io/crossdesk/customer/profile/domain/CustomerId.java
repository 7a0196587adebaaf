package io.crossdesk.customer.profile.domain;

import java.util.UUID;

/** A customer's identity: a random UUID, assigned at registration and never reused. */
public record CustomerId(String value) {

  public CustomerId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a customer id must not be blank");
    }
  }

  public static CustomerId generate() {
    return new CustomerId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
