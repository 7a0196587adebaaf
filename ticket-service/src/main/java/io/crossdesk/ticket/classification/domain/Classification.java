package io.crossdesk.ticket.classification.domain;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import java.util.Objects;

/**
 * What sets a ticket's targets: its customer's tier and key-account flag, its type and priority.
 */
public record Classification(
    CustomerTier tier, boolean keyAccount, TicketType type, Priority priority) {

  public Classification {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(priority, "priority");
  }

  public Classification withType(TicketType changed) {
    return new Classification(tier, keyAccount, changed, priority);
  }

  public Classification withPriority(Priority changed) {
    return new Classification(tier, keyAccount, type, changed);
  }

  public Classification forCustomer(CustomerTier changedTier, boolean changedKeyAccount) {
    return new Classification(changedTier, changedKeyAccount, type, priority);
  }
}
