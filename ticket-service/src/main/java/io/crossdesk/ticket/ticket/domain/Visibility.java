package io.crossdesk.ticket.ticket.domain;

/** Who sees a timeline entry: the customer and staff, or staff only. */
public enum Visibility {
  PUBLIC,
  INTERNAL
}
