package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * The customer rejected a ticket's resolution: it is routed again, one escalation level higher. Key
 * and subject: ticketId.
 *
 * @param round 2 after the first reopening, and so on
 */
public record TicketReopened(
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String ticketType,
    String channel,
    String category,
    String priority,
    String title,
    String description,
    String reason,
    int escalationLevel,
    int round,
    String reopenedBy,
    Instant reopenedAt,
    Instant resolveBy) {}
