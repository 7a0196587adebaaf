package io.crossdesk.customer.overview.domain;

import java.time.Instant;

/** Where one of the customer's tickets stands, as far as the overview needs it. */
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

  public boolean isOpen() {
    return !CLOSED.equals(status);
  }

  public boolean isComplaint() {
    return "COMPLAINT".equals(type);
  }
}
