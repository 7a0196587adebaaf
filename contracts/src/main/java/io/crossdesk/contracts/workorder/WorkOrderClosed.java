package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A work order ended without its work being done, its open steps withdrawn. Key and subject:
 * workOrderId.
 *
 * @param status CANCELLED (the ticket was cancelled or merged into another) or SUPERSEDED (the
 *     ticket was reopened and the next round's work order takes over)
 * @param reason why, e.g. {@code ticket MERGED into T-42} or {@code reopened as round 2}
 */
public record WorkOrderClosed(
    String workOrderId,
    String ticketId,
    String customerId,
    String status,
    String reason,
    Instant closedAt,
    int round) {}
