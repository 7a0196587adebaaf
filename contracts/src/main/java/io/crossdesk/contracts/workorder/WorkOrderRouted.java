package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * A work order was created for a ticket and routed to the department that must act. {@code
 * ticketOpenedAt} (optional, added within v1) lets consumers measure the wait for routing from this
 * event alone.
 */
public record WorkOrderRouted(
    String workOrderId,
    String ticketId,
    String customerId,
    String category,
    String department,
    String routingRule,
    Instant routedAt,
    Instant ticketOpenedAt) {}
