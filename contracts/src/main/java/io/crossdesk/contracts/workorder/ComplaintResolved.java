package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * The responsible department resolved a complaint; the follow-up step comes next. Key and subject:
 * workOrderId, so that it comes before the same work order's WorkOrderCompleted.
 *
 * @param rootCause NETWORK, BILLING, SERVICE, PRODUCT, CUSTOMER_SIDE or OTHER
 */
public record ComplaintResolved(
    String ticketId,
    String workOrderId,
    String customerId,
    String resolution,
    String rootCause,
    String responsibleDepartment,
    String resolvedBy,
    Instant resolvedAt) {}
