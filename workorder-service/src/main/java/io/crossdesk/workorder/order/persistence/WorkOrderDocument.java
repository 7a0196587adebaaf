package io.crossdesk.workorder.order.persistence;

import io.crossdesk.workorder.order.domain.HistoryEntry;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderStatus;
import io.crossdesk.workorder.routing.domain.Priority;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A work order as stored, with its steps and history inside; the aggregate store adds its version
 * and the events its last changes caused until they are published: one document, so a step move and
 * its events are one atomic write. {@code ticketRound} ({@code <ticketId>#<round>}) carries the
 * unique index that gives a ticket one work order per round.
 */
@Document(WorkOrderDocument.COLLECTION)
record WorkOrderDocument(
    @Id String id,
    String ticketRound,
    String ticketId,
    TicketFacts ticket,
    int round,
    boolean repeat,
    String routingRule,
    String templateId,
    int templateVersion,
    Priority priority,
    int escalationLevel,
    WorkOrderStatus status,
    List<Step> steps,
    Instant createdAt,
    Instant expectedCompletion,
    Instant completedAt,
    String resolution,
    String resolvingDepartment,
    String closeReason,
    int routingErrors,
    List<HistoryEntry> history) {

  static final String COLLECTION = "work_orders";

  static String ticketRound(String ticketId, int round) {
    return ticketId + "#" + round;
  }

  static WorkOrderDocument of(WorkOrder order) {
    return new WorkOrderDocument(
        order.id(),
        ticketRound(order.ticket().ticketId(), order.round()),
        order.ticket().ticketId(),
        order.ticket(),
        order.round(),
        order.repeat(),
        order.routingRule(),
        order.templateId(),
        order.templateVersion(),
        order.priority(),
        order.escalationLevel(),
        order.status(),
        order.steps(),
        order.createdAt(),
        order.expectedCompletion(),
        order.completedAt(),
        order.resolution(),
        order.resolvingDepartment(),
        order.closeReason(),
        order.routingErrors(),
        order.history());
  }

  WorkOrder toWorkOrder() {
    return new WorkOrder(
        id,
        ticket,
        round,
        repeat,
        routingRule,
        templateId,
        templateVersion,
        priority,
        escalationLevel,
        status,
        steps,
        createdAt,
        expectedCompletion,
        completedAt,
        resolution,
        resolvingDepartment,
        closeReason,
        routingErrors,
        history == null ? List.of() : history);
  }
}
