package io.crossdesk.ticket.lifecycle.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands, and where it may go from there. The diagram is in docs/tickets.md.
 * RESOLVED waits for the customer: confirmed (or left unanswered) it is CLOSED, rejected it is
 * REOPENED and routed again. CLOSED and CANCELLED are final.
 */
public enum TicketStatus {
  OPEN,
  ROUTED,
  IN_PROGRESS,
  WAITING_CUSTOMER,
  RESOLVED,
  CLOSED,
  REOPENED,
  CANCELLED;

  private static final Set<TicketStatus> WORKING = EnumSet.of(OPEN, ROUTED, IN_PROGRESS, REOPENED);

  public boolean canMoveTo(TicketStatus target) {
    return switch (this) {
      case OPEN, ROUTED, IN_PROGRESS, REOPENED ->
          EnumSet.of(ROUTED, IN_PROGRESS, WAITING_CUSTOMER, RESOLVED, CLOSED, CANCELLED)
              .contains(target);
      case WAITING_CUSTOMER -> WORKING.contains(target) || target == RESOLVED || isEnd(target);
      case RESOLVED -> target == CLOSED || target == REOPENED;
      case CLOSED, CANCELLED -> false;
    };
  }

  /** Someone is working on it: its resolution clock runs and new work may reach it. */
  public boolean isWorking() {
    return WORKING.contains(this);
  }

  /** Neither resolved nor finished: the desk still owes the customer something. */
  public boolean isOpen() {
    return isWorking() || this == WAITING_CUSTOMER;
  }

  public boolean isFinal() {
    return this == CLOSED || this == CANCELLED;
  }

  private static boolean isEnd(TicketStatus target) {
    return target == CLOSED || target == CANCELLED;
  }
}
