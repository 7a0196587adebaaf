package io.crossdesk.ticket.ticket.domain;

/** How urgent a request is; with the customer's tier it sets the resolution deadline. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** NORMAL when none is given: priority is optional, and an empty value gives none. */
  public static Priority parseOrNormal(String value) {
    return value == null || value.isBlank()
        ? NORMAL
        : Enums.parse(Priority.class, "priority", value);
  }
}
