package io.crossdesk.ticket.customer.domain;

import java.util.Objects;

/**
 * What ticket-service knows of a customer: enough to open tickets for them. Key accounts escalate
 * earlier; the flag follows customer-service's CustomerRegistered and CustomerUpdated events.
 */
public record KnownCustomer(String customerId, CustomerTier tier, String name, boolean keyAccount) {

  public KnownCustomer {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(tier, "tier");
  }

  /** A customer known without the key-account flag (not a key account). */
  public KnownCustomer(String customerId, CustomerTier tier, String name) {
    this(customerId, tier, name, false);
  }
}
