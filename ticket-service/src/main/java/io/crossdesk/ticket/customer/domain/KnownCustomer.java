package io.crossdesk.ticket.customer.domain;

import java.util.Objects;

/** What ticket-service knows of a customer: enough to open tickets for them. */
public record KnownCustomer(String customerId, CustomerTier tier, String name) {

  public KnownCustomer {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(tier, "tier");
  }

  /** Key accounts escalate earlier; the projection does not carry the flag yet. */
  public boolean keyAccount() {
    return false;
  }
}
