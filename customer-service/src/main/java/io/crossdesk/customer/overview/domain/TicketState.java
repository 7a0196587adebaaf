package io.crossdesk.customer.overview.domain;

import java.time.Instant;

/**
 * Where one of the customer's tickets stands, as far as the overview needs it. Exact under
 * redelivery: a ticket keeps the time of the last event applied to it and takes only newer ones.
 */
public record TicketState(
    String ticketId,
    String number,
    String type,
    String title,
    String status,
    Instant openedAt,
    Instant lastEventAt) {

  public static final String OPEN = "OPEN";
  public static final String RESOLVED = "RESOLVED";
  public static final String CLOSED = "CLOSED";

  /** What a ticket's first event tells when nothing is known of it yet. */
  public static TicketState first(String ticketId, String status, Instant at) {
    return new TicketState(ticketId, null, null, null, status, null, at);
  }

  /** The ticket moved to {@code status} at {@code at}; an older event changes nothing. */
  public TicketState moved(String status, Instant at) {
    if (lastEventAt != null && at.isBefore(lastEventAt)) {
      return this;
    }
    return new TicketState(ticketId, number, type, title, status, openedAt, at);
  }

  public boolean isOpen() {
    return !CLOSED.equals(status);
  }

  public boolean isComplaint() {
    return "COMPLAINT".equals(type);
  }
}
