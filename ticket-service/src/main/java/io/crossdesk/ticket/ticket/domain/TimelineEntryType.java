package io.crossdesk.ticket.ticket.domain;

/** What happened to a ticket, as the customer's timeline shows it. */
public enum TimelineEntryType {
  OPENED,
  ROUTED
}
