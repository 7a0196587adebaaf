package io.crossdesk.workorder.order.domain;

import java.time.Instant;

/** What a work order knows of the ticket it serves. */
public record TicketFacts(
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String ticketType,
    String channel,
    String category,
    String title,
    String description,
    String region,
    Instant openedAt,
    Instant resolveBy) {

  public boolean isComplaint() {
    return "COMPLAINT".equals(ticketType);
  }
}
