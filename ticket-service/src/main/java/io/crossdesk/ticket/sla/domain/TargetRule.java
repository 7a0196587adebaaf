package io.crossdesk.ticket.sla.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;

/**
 * One row of an SLA policy: the targets for the tickets it matches. A null tier, priority or type
 * matches any; of the rows that match a ticket the most specific (most fields given) applies, the
 * first of them on a tie.
 */
public record TargetRule(
    CustomerTier tier,
    Priority priority,
    TicketType type,
    long firstResponseMinutes,
    long resolutionMinutes) {

  public TargetRule {
    new SlaTargets(firstResponseMinutes, resolutionMinutes);
  }

  public boolean matches(CustomerTier tier, Priority priority, TicketType type) {
    return (this.tier == null || this.tier == tier)
        && (this.priority == null || this.priority == priority)
        && (this.type == null || this.type == type);
  }

  public int specificity() {
    return (tier == null ? 0 : 1) + (priority == null ? 0 : 1) + (type == null ? 0 : 1);
  }

  public boolean isCatchAll() {
    return specificity() == 0;
  }

  public SlaTargets targets() {
    return new SlaTargets(firstResponseMinutes, resolutionMinutes);
  }
}
