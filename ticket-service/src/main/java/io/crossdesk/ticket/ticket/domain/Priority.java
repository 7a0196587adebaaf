package io.crossdesk.ticket.ticket.domain;

/** How urgent a request is; with the customer's tier it sets the resolution deadline. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** NORMAL when none is given. */
  public static Priority parseOrNormal(String value) {
    return value == null ? NORMAL : Enums.parse(Priority.class, "priority", value);
  }
}
