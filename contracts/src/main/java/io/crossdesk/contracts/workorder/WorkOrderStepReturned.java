package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A step was sent back to the step before it, which is ready again. Key and subject: workOrderId.
 *
 * @param returnedTo the step that must be done again
 */
public record WorkOrderStepReturned(
    String workOrderId,
    String ticketId,
    String stepId,
    String stepName,
    String department,
    String returnedTo,
    String returnedToDepartment,
    String reason,
    String returnedBy,
    Instant returnedAt,
    Instant expectedCompletion,
    int round) {}
