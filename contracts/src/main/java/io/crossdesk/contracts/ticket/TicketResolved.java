package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket was resolved and waits for the customer's confirmation. Key and subject: ticketId.
 *
 * @param round 1 for the first resolution, one more after each reopening
 * @param respondedAt the first response to the customer (added within v1)
 * @param firstResponseBreached whether it came after the first-response target (added within v1)
 * @param responseBusinessSeconds business time from opening to the first response, in the SLA
 *     policy's calendar, pauses left out (added within v1)
 * @param resolutionBusinessSeconds business time from opening to this resolution, likewise (added
 *     within v1)
 */
public record TicketResolved(
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String ticketType,
    String category,
    String channel,
    String department,
    String resolution,
    String resolvedBy,
    boolean firstContact,
    boolean slaBreached,
    int round,
    Instant openedAt,
    Instant resolveBy,
    Instant resolvedAt,
    Instant respondedAt,
    Boolean firstResponseBreached,
    Long responseBusinessSeconds,
    Long resolutionBusinessSeconds) {

  /** A resolution without the response and business-time figures (as written before them). */
  public TicketResolved(
      String ticketId,
      String ticketNumber,
      String customerId,
      String customerTier,
      String ticketType,
      String category,
      String channel,
      String department,
      String resolution,
      String resolvedBy,
      boolean firstContact,
      boolean slaBreached,
      int round,
      Instant openedAt,
      Instant resolveBy,
      Instant resolvedAt) {
    this(
        ticketId,
        ticketNumber,
        customerId,
        customerTier,
        ticketType,
        category,
        channel,
        department,
        resolution,
        resolvedBy,
        firstContact,
        slaBreached,
        round,
        openedAt,
        resolveBy,
        resolvedAt,
        null,
        null,
        null,
        null);
  }
}
