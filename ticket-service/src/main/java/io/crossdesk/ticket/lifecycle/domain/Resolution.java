package io.crossdesk.ticket.lifecycle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * How a ticket was resolved, in words the customer reads.
 *
 * @param department the department that did the resolving work, or null when the desk resolved it
 * @param firstContact resolved while it was opened, without a work order
 */
public record Resolution(
    String summary,
    String resolvedBy,
    String department,
    Instant resolvedAt,
    boolean firstContact) {

  public Resolution {
    if (summary == null || summary.isBlank()) {
      throw new InvalidTicketException("resolution", "must not be blank");
    }
    if (summary.length() > 2000) {
      throw new InvalidTicketException("resolution", "must be at most 2000 characters");
    }
    Objects.requireNonNull(resolvedBy, "resolvedBy");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
  }
}
