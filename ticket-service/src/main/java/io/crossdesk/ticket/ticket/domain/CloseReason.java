package io.crossdesk.ticket.ticket.domain;

/** How a ticket came to be closed for good. */
public enum CloseReason {
  CONFIRMED,
  AUTO_CLOSED,
  MERGED,
  CANCELLED
}
