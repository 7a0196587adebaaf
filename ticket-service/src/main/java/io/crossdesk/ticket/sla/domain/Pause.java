package io.crossdesk.ticket.sla.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A time the ticket waited for the customer, which its clock does not count; {@code to} is null
 * while it lasts.
 */
public record Pause(Instant from, Instant to, String reason) {

  public Pause {
    Objects.requireNonNull(from, "from");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("a pause cannot end before it starts");
    }
  }

  public boolean isOngoing() {
    return to == null;
  }

  public Pause endedAt(Instant end) {
    return new Pause(from, end, reason);
  }
}
