package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket was resolved and waits for the customer's confirmation. Key and subject: ticketId.
 *
 * @param round 1 for the first resolution, one more after each reopening
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
    Instant resolvedAt) {}
