package io.crossdesk.ticket.ticket.domain;

/** Where a ticket stands, and where it may go from there. */
public enum TicketStatus {
  OPEN,
  ROUTED;

  public boolean canMoveTo(TicketStatus target) {
    return switch (this) {
      case OPEN -> target == ROUTED;
      case ROUTED -> false;
    };
  }
}
