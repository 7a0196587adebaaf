package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * The desk needs something from the customer before work on the ticket can go on; its resolution
 * clock is paused until the customer answers. Key and subject: ticketId.
 *
 * @param needed what the desk needs, in the words the customer reads
 * @param round the ticket's round of work
 */
public record TicketWaitingForCustomer(
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String priority,
    String needed,
    String askedBy,
    int round,
    Instant askedAt) {}
