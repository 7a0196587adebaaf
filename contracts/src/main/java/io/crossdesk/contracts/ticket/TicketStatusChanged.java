package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * A ticket moved from one status to another, whatever moved it: every change of status is announced
 * once, beside the event that tells what happened (TicketResolved, TicketClosed...). Key and
 * subject: ticketId.
 *
 * @param sourceSystem the system that opened the ticket (intake or TMF621), or null for a person
 * @param externalId the opening system's reference for it, or null
 * @param from the status before (a Crossdesk status: OPEN, ROUTED, IN_PROGRESS, ...)
 * @param to the status after
 * @param reason why, in the words of the ticket's timeline entry for the change; or null
 * @param changedBy who caused it: a subject, a department or a system
 */
public record TicketStatusChanged(
    String ticketId,
    String ticketNumber,
    String customerId,
    String sourceSystem,
    String externalId,
    String from,
    String to,
    String reason,
    String changedBy,
    Instant changedAt) {}
