package io.crossdesk.ticket.customer.domain;

import java.util.Objects;

/**
 * What ticket-service knows of a customer: enough to open tickets for them. Key accounts escalate
 * earlier; the flag follows customer-service's CustomerRegistered and CustomerUpdated events.
 *
 * @param region where the customer is, from CustomerUpdated; null until an update says
 */
public record KnownCustomer(
    String customerId, CustomerTier tier, String name, boolean keyAccount, String region) {

  public KnownCustomer {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(tier, "tier");
  }

  /** A customer known without the key-account flag (not a key account). */
  public KnownCustomer(String customerId, CustomerTier tier, String name) {
    this(customerId, tier, name, false, null);
  }

  /** A customer whose region is not known. */
  public KnownCustomer(String customerId, CustomerTier tier, String name, boolean keyAccount) {
    this(customerId, tier, name, keyAccount, null);
  }
}
