package io.crossdesk.contracts.ticket;

import java.time.Instant;

/** A ticket was opened. Key and subject: ticketId. */
public record TicketOpened(
    String ticketId,
    String customerId,
    String customerTier,
    String channel,
    String category,
    String priority,
    String title,
    String description,
    String openedBy,
    String sourceSystem,
    String externalId,
    Instant openedAt,
    Instant resolveBy) {}
