package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A step left its department's queue unfinished because the desk decided the work is no longer
 * needed: the ticket was resolved at the desk, closed, cancelled, merged or reopened as a new
 * round. Key and subject: workOrderId.
 *
 * @param assignee who had claimed it, or null when it was still unclaimed
 * @param reason why, e.g. {@code ticket resolved by agent-7} or {@code ticket CANCELLED}
 */
public record WorkOrderStepWithdrawn(
    String workOrderId,
    String ticketId,
    String stepId,
    String stepName,
    String department,
    String assignee,
    String reason,
    Instant withdrawnAt,
    int round) {}
