package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * The customer rejected a ticket's resolution: it is routed again, one escalation level higher. Key
 * and subject: ticketId.
 *
 * @param round 2 after the first reopening, and so on
 * @param region the ticket's region as it was opened, so the next round routes the same; added
 *     within v1, absent in older events
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
    Instant resolveBy,
    String region) {}
