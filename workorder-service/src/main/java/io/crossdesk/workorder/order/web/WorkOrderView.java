package io.crossdesk.workorder.order.web;

import io.crossdesk.workorder.order.domain.HistoryEntry;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.WorkOrder;
import java.time.Instant;
import java.util.List;

/**
 * A work order as the API shows it. Department staff see only their own department's steps and
 * their history; how it is stored (version, pending events) stays inside.
 *
 * @param department the department of the first step still open, else of the resolution
 * @param closeReason why it was CANCELLED or SUPERSEDED
 */
record WorkOrderView(
    String id,
    String ticketId,
    String ticketNumber,
    String customerId,
    String customerTier,
    String ticketType,
    String category,
    String priority,
    String title,
    int round,
    boolean repeat,
    String routingRule,
    String template,
    int templateVersion,
    String status,
    String department,
    int escalationLevel,
    Instant createdAt,
    Instant resolveBy,
    Instant expectedCompletion,
    Instant completedAt,
    String resolution,
    String closeReason,
    int routingErrors,
    List<StepView> steps,
    List<HistoryEntry> history) {

  static WorkOrderView of(WorkOrder order, StepAccess access, Instant now) {
    return new WorkOrderView(
        order.id(),
        order.ticket().ticketId(),
        order.ticket().ticketNumber(),
        order.ticket().customerId(),
        order.ticket().customerTier(),
        order.ticket().ticketType(),
        order.ticket().category(),
        order.priority().name(),
        order.ticket().title(),
        order.round(),
        order.repeat(),
        order.routingRule(),
        order.templateId(),
        order.templateVersion(),
        order.status().name(),
        order.steps().stream()
            .filter(step -> step.status().isOpen())
            .map(Step::department)
            .findFirst()
            .orElse(order.resolvingDepartment()),
        order.escalationLevel(),
        order.createdAt(),
        order.ticket().resolveBy(),
        order.expectedCompletion(),
        order.completedAt(),
        order.resolution(),
        order.closeReason(),
        order.routingErrors(),
        order.steps().stream().filter(access::canSee).map(step -> StepView.of(step, now)).toList(),
        order.history().stream()
            .filter(
                entry ->
                    access.ownDepartment() == null
                        || access.ownDepartment().equals(entry.department()))
            .toList());
  }
}
