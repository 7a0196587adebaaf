package io.crossdesk.ticket.lifecycle.domain;

/** How a ticket came to be closed for good. */
public enum CloseReason {
  CONFIRMED,
  AUTO_CLOSED,
  MERGED,
  CANCELLED
}
