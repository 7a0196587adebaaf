package io.crossdesk.contracts.ticket;

import java.time.Instant;

/**
 * The customer's satisfaction with a resolution, given by the customer or recorded by an agent on a
 * call-back; once per resolution round. Key and subject: ticketId.
 *
 * @param score 1 (very dissatisfied) to 5 (very satisfied)
 * @param department the department that did the resolving work, when one did
 */
public record SatisfactionRecorded(
    String ticketId,
    String ticketNumber,
    String customerId,
    String ticketType,
    String category,
    String department,
    int score,
    String comment,
    int round,
    String recordedBy,
    Instant recordedAt) {}
