package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket was opened. Key and subject: ticketId. {@code ticketNumber}, {@code ticketType}, {@code
 * owner}, {@code resolvedAtFirstContact} and {@code region} were added within v1 and may be absent
 * in older events; a ticket resolved at first contact gets no work order.
 *
 * @param region where the customer's request is, e.g. {@code CN-SH}: given when the ticket was
 *     opened, else the customer's region as ticket-service knows it, else null
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
    Boolean resolvedAtFirstContact,
    String region) {}
