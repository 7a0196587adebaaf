package io.crossdesk.workorder.workorder.domain;

import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.routing.domain.Router;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The work a department must do for a ticket. A ticket has exactly one work order; it starts in the
 * queue of the department its routing rule names and keeps the ticket's resolution deadline.
 */
public record WorkOrder(
    UUID id,
    String ticketId,
    String customerId,
    String customerTier,
    String category,
    String priority,
    String title,
    Department department,
    String routingRule,
    WorkOrderStatus status,
    Instant createdAt,
    Instant resolveBy) {

  public WorkOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(status, "status");
  }

  /**
   * Opens the work order for {@code ticket} in the queue of the department {@code router} picks.
   */
  public static WorkOrder route(UUID id, TicketToRoute ticket, Router router, Instant now) {
    RoutingRule rule = router.route(ticket.category());
    return new WorkOrder(
        id,
        ticket.ticketId(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.category(),
        ticket.priority(),
        ticket.title(),
        rule.department(),
        rule.id(),
        WorkOrderStatus.ROUTED,
        now,
        ticket.resolveBy());
  }

  public boolean isQueuedFor(Department queue) {
    return department == queue;
  }
}
