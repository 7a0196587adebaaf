package io.crossdesk.workorder.workorder.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.workorder.domain.WorkOrder;
import io.crossdesk.workorder.workorder.domain.WorkOrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A work order as stored, with the events its last change caused until they are published. */
@Document(WorkOrderDocument.COLLECTION)
record WorkOrderDocument(
    @Id String id,
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
    Instant resolveBy,
    @Version Long version,
    List<EventMessage> outbox)
    implements HasOutbox {

  static final String COLLECTION = "work_orders";

  /** A new work order; the store sets the first version on insert. */
  static WorkOrderDocument newOf(WorkOrder order, List<EventMessage> events) {
    return new WorkOrderDocument(
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
        order.resolveBy(),
        null,
        List.copyOf(events));
  }

  WorkOrder toWorkOrder() {
    return new WorkOrder(
        UUID.fromString(id),
        ticketId,
        customerId,
        customerTier,
        category,
        priority,
        title,
        Department.byId(department)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "work order " + id + " is queued for an unknown department " + department)),
        routingRule,
        WorkOrderStatus.valueOf(status),
        createdAt,
        resolveBy);
  }
}
