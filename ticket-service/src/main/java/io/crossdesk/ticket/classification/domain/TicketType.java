package io.crossdesk.ticket.classification.domain;

/** What kind of request a ticket is; with the tier it sets the default priority and the targets. */
public enum TicketType {
  CONSULTATION,
  COMPLAINT,
  SERVICE_REQUEST,
  FAULT,
  SUGGESTION
}
