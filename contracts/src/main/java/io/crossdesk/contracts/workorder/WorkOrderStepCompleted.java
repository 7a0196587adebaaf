package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A step is done; the steps that waited for it may be ready now. Key and subject: workOrderId.
 *
 * @param durationSeconds elapsed seconds from the step becoming ready to its completion
 * @param breached whether it was done after its due time (its OLA)
 */
public record WorkOrderStepCompleted(
    String workOrderId,
    String ticketId,
    String customerId,
    String stepId,
    String stepName,
    String stepKind,
    String department,
    String outcome,
    String notes,
    String completedBy,
    Instant completedAt,
    Instant readyAt,
    Instant dueAt,
    long durationSeconds,
    boolean breached,
    Instant expectedCompletion,
    int round) {}
