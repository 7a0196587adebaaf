package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket went up one escalation level: its resolution target slipped past a threshold, or the
 * customer rejected its resolution. Key and subject: ticketId.
 *
 * @param thresholdPercent the share of the resolution target that had elapsed, for SLA escalations
 */
public record TicketEscalated(
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String category,
    String priority,
    int level,
    String reason,
    Integer thresholdPercent,
    String owner,
    String department,
    Instant resolveBy,
    Instant escalatedAt) {}
