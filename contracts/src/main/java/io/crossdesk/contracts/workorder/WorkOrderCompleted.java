package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * Every step of a work order is done. Key and subject: workOrderId.
 *
 * @param resolution what was done, in words the customer may read
 * @param department the department that did the last resolving step
 */
public record WorkOrderCompleted(
    String workOrderId,
    String ticketId,
    String customerId,
    String department,
    String resolution,
    Instant completedAt) {}
