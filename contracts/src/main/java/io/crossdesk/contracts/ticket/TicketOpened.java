package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket was opened. Key and subject: ticketId. {@code ticketNumber}, {@code ticketType}, {@code
 * owner} and {@code resolvedAtFirstContact} were added within v1 and may be absent in older events;
 * a ticket resolved at first contact gets no work order.
 */
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
    Instant resolveBy,
    String ticketNumber,
    String ticketType,
    String owner,
    Boolean resolvedAtFirstContact) {}
