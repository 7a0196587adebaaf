package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A misrouted step was moved to another department's queue; it counts as a routing error. Key and
 * subject: workOrderId.
 */
public record WorkOrderTransferred(
    String workOrderId,
    String ticketId,
    String stepId,
    String stepName,
    String fromDepartment,
    String toDepartment,
    String reason,
    String transferredBy,
    Instant transferredAt,
    Instant dueAt,
    int round) {}
