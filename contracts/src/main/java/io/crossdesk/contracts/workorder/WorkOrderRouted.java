package io.crossdesk.contracts.workorder;

import java.time.Instant;

/** A work order was created for a ticket and routed to the department that must act. */
public record WorkOrderRouted(
    String workOrderId,
    String ticketId,
    String customerId,
    String category,
    String department,
    String routingRule,
    Instant routedAt) {}
