package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket was closed for good. Key and subject: ticketId.
 *
 * @param reason CONFIRMED by the customer, AUTO_CLOSED without an answer, MERGED into another
 *     ticket, or CANCELLED
 * @param mergedInto the surviving ticket, for MERGED
 */
public record TicketClosed(
    String ticketId,
    String ticketNumber,
    String customerId,
    String ticketType,
    String category,
    String reason,
    String mergedInto,
    String closedBy,
    Instant closedAt) {}
