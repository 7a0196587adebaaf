package io.crossdesk.ticket.ticket.domain;

/** How urgent a request is; with the customer's tier and the type it sets the targets. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  /** Null when none is given (the default applies then): an empty value gives none. */
  public static Priority parseOptional(String value) {
    return value == null || value.isBlank() ? null : Enums.parse(Priority.class, "priority", value);
  }
}
