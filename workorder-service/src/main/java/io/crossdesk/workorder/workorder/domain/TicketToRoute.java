package io.crossdesk.workorder.workorder.domain;

import java.time.Instant;

/** What routing needs to know about an opened ticket. */
public record TicketToRoute(
    String ticketId,
    String customerId,
    String customerTier,
    String category,
    String priority,
    String title,
    Instant resolveBy) {}
