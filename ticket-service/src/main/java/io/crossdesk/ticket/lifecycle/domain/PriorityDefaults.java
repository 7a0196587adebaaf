package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;

/**
 * The priority a ticket gets when its request names none: the category's default, raised one step
 * for a fault or complaint from a tier A customer or a key account, and lowered for suggestions
 * from tier C. An agent may change it later, with a reason.
 */
public final class PriorityDefaults {

  private PriorityDefaults() {}

  public static Priority of(
      Category category, TicketType type, CustomerTier tier, boolean keyAccount) {
    Priority base = category.defaultPriority();
    boolean urgentKind = type == TicketType.FAULT || type == TicketType.COMPLAINT;
    if (urgentKind && (tier == CustomerTier.A || keyAccount)) {
      return raised(base);
    }
    if (type == TicketType.SUGGESTION && tier == CustomerTier.C) {
      return Priority.LOW;
    }
    return base;
  }

  private static Priority raised(Priority priority) {
    Priority[] all = Priority.values();
    return all[Math.min(priority.ordinal() + 1, all.length - 1)];
  }
}
