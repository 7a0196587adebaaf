package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A ready step was given to a member of its department by the department's intake rule (ROUND_ROBIN
 * or LEAST_LOADED); the step is theirs to start. Key and subject: workOrderId.
 *
 * @param assignee the member of staff the step is assigned to (their user name)
 * @param rule the intake rule that chose them
 */
public record WorkOrderStepAssigned(
    String workOrderId,
    String ticketId,
    String customerId,
    String stepId,
    String stepName,
    String department,
    String assignee,
    String rule,
    Instant assignedAt,
    Instant dueAt,
    int round) {}
