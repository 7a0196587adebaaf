package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * Someone in the step's department started work on it. Key and subject: workOrderId.
 *
 * @param waitedSeconds elapsed seconds from the step becoming ready to its start
 */
public record WorkOrderStepStarted(
    String workOrderId,
    String ticketId,
    String stepId,
    String stepName,
    String department,
    String startedBy,
    Instant startedAt,
    Instant readyAt,
    Instant dueAt,
    long waitedSeconds,
    Instant expectedCompletion,
    int round) {}
