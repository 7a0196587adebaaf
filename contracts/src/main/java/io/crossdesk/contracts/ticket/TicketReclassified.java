package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * The desk changed a ticket's type or priority; its targets follow the new classification. Key and
 * subject: ticketId.
 *
 * @param sourceSystem the system that opened the ticket (intake or TMF621), or null for a person
 * @param externalId the opening system's reference for it, or null
 * @param resolveBy the resolution deadline under the new classification, or null when the ticket
 *     has none running
 */
public record TicketReclassified(
    String ticketId,
    String ticketNumber,
    String customerId,
    String sourceSystem,
    String externalId,
    String type,
    String priority,
    String previousType,
    String previousPriority,
    Instant resolveBy,
    String reason,
    String reclassifiedBy,
    Instant reclassifiedAt) {}
