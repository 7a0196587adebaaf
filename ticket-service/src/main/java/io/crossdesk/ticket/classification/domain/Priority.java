package io.crossdesk.ticket.classification.domain;

/** How urgent a request is; with the customer's tier and the type it sets the targets. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
