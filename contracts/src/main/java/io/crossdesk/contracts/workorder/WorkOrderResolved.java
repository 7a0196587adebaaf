package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * The work that resolves the customer's request is done; only follow-up steps (a call-back) are
 * left, which happen after the resolution. A complaint resolved by its resolving step announces
 * ComplaintResolved instead, and a work order with nothing left announces WorkOrderCompleted. Key
 * and subject: workOrderId.
 *
 * @param resolution what was done, in words the customer may read
 * @param department the department whose step finished the work
 */
public record WorkOrderResolved(
    String workOrderId,
    String ticketId,
    String customerId,
    String department,
    String resolution,
    Instant resolvedAt) {}
