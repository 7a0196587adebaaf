package io.crossdesk.workorder.workorder.web;

import io.crossdesk.workorder.workorder.domain.WorkOrder;
import java.time.Instant;

/** A work order as the API shows it; how it is stored (version, pending events) stays inside. */
public record WorkOrderView(
    String id,
    String ticketId,
    String customerId,
    String customerTier,
    String category,
    String priority,
    String title,
    String department,
    String routingRule,
    String status,
    Instant createdAt,
    Instant resolveBy) {

  static WorkOrderView of(WorkOrder order) {
    return new WorkOrderView(
        order.id().toString(),
        order.ticketId(),
        order.customerId(),
        order.customerTier(),
        order.category(),
        order.priority(),
        order.title(),
        order.department().id(),
        order.routingRule(),
        order.status().name(),
        order.createdAt(),
        order.resolveBy());
  }
}
