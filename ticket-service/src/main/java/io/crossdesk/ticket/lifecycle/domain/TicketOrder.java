package io.crossdesk.ticket.lifecycle.domain;

/** How a ticket list is sorted. */
public enum TicketOrder {
  NEWEST,
  OLDEST,
  DUE_SOONEST
}
