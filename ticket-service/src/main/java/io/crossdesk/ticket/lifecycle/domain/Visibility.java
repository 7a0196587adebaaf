package io.crossdesk.ticket.lifecycle.domain;

/** Who sees a timeline entry: the customer and staff, or staff only. */
public enum Visibility {
  PUBLIC,
  INTERNAL
}
