package io.crossdesk.ticket.ticket;

/** How a ticket list is sorted. */
public enum TicketOrder {
  NEWEST,
  OLDEST,
  DUE_SOONEST
}
