package io.crossdesk.workorder.order.persistence;

import static io.crossdesk.platform.aggregate.Fields.bool;
import static io.crossdesk.platform.aggregate.Fields.enumOf;
import static io.crossdesk.platform.aggregate.Fields.instant;
import static io.crossdesk.platform.aggregate.Fields.intOf;
import static io.crossdesk.platform.aggregate.Fields.list;
import static io.crossdesk.platform.aggregate.Fields.longOf;
import static io.crossdesk.platform.aggregate.Fields.nested;

import io.crossdesk.platform.aggregate.AggregateMapping;
import io.crossdesk.platform.aggregate.Fields;
import io.crossdesk.workorder.flow.domain.Ola;
import io.crossdesk.workorder.flow.domain.StepKind;
import io.crossdesk.workorder.flow.domain.StepTemplate;
import io.crossdesk.workorder.order.domain.HistoryEntry;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.StepStatus;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderStatus;
import io.crossdesk.workorder.routing.domain.Priority;
import java.util.List;
import org.bson.Document;

/**
 * A work order as stored in {@code work_orders}, with its steps and history inside: one document,
 * so a step move and its events are one atomic write. The shape is the one Spring Data wrote for
 * the record this replaced, so stored work orders read without a migration. Beside the state it
 * keeps {@code ticketId}, for the queue and a ticket's list of work orders, and {@code ticketRound}
 * ({@code <ticketId>#<round>}), which carries the unique index that gives a ticket one work order
 * per round.
 */
final class WorkOrderMapping implements AggregateMapping<WorkOrder> {

  static final String COLLECTION = "work_orders";

  static String ticketRound(String ticketId, int round) {
    return ticketId + "#" + round;
  }

  @Override
  public String collection() {
    return COLLECTION;
  }

  @Override
  public String idOf(WorkOrder order) {
    return order.id();
  }

  @Override
  public Document write(WorkOrder order) {
    return Fields.writer()
        .put("ticketRound", ticketRound(order.ticket().ticketId(), order.round()))
        .put("ticketId", order.ticket().ticketId())
        .put("ticket", ticket(order.ticket()))
        .put("round", order.round())
        .put("repeat", order.repeat())
        .put("routingRule", order.routingRule())
        .put("templateId", order.templateId())
        .put("templateVersion", order.templateVersion())
        .put("priority", order.priority())
        .put("escalationLevel", order.escalationLevel())
        .put("status", order.status())
        .put("steps", order.steps(), WorkOrderMapping::step)
        .put("createdAt", order.createdAt())
        .put("expectedCompletion", order.expectedCompletion())
        .put("completedAt", order.completedAt())
        .put("resolution", order.resolution())
        .put("resolvingDepartment", order.resolvingDepartment())
        .put("closeReason", order.closeReason())
        .put("routingErrors", order.routingErrors())
        .put("history", order.history(), WorkOrderMapping::entry)
        .document();
  }

  @Override
  public WorkOrder read(Document stored) {
    return new WorkOrder(
        stored.getString("_id"),
        ticket(nested(stored, "ticket")),
        intOf(stored, "round"),
        bool(stored, "repeat"),
        stored.getString("routingRule"),
        stored.getString("templateId"),
        intOf(stored, "templateVersion"),
        enumOf(Priority.class, stored, "priority"),
        intOf(stored, "escalationLevel"),
        enumOf(WorkOrderStatus.class, stored, "status"),
        list(stored, "steps", WorkOrderMapping::step),
        instant(stored, "createdAt"),
        instant(stored, "expectedCompletion"),
        instant(stored, "completedAt"),
        stored.getString("resolution"),
        stored.getString("resolvingDepartment"),
        stored.getString("closeReason"),
        intOf(stored, "routingErrors"),
        list(stored, "history", WorkOrderMapping::entry));
  }

  private static Document ticket(TicketFacts t) {
    return Fields.writer()
        .put("ticketId", t.ticketId())
        .put("ticketNumber", t.ticketNumber())
        .put("customerId", t.customerId())
        .put("customerTier", t.customerTier())
        .put("ticketType", t.ticketType())
        .put("channel", t.channel())
        .put("category", t.category())
        .put("title", t.title())
        .put("description", t.description())
        .put("region", t.region())
        .put("openedAt", t.openedAt())
        .put("resolveBy", t.resolveBy())
        .document();
  }

  /** Also reads the ticket of a queue row, which the queue's aggregation gives as stored. */
  static TicketFacts ticket(Document d) {
    return new TicketFacts(
        d.getString("ticketId"),
        d.getString("ticketNumber"),
        d.getString("customerId"),
        d.getString("customerTier"),
        d.getString("ticketType"),
        d.getString("channel"),
        d.getString("category"),
        d.getString("title"),
        d.getString("description"),
        d.getString("region"),
        instant(d, "openedAt"),
        instant(d, "resolveBy"));
  }

  private static Object step(Step s) {
    return Fields.writer()
        .put("definition", definition(s.definition()))
        .put("department", s.department())
        .put("status", s.status())
        .put("assignee", s.assignee())
        .put("readyAt", s.readyAt())
        .put("dueAt", s.dueAt())
        .put("startedAt", s.startedAt())
        .put("doneAt", s.doneAt())
        .put("outcome", s.outcome())
        .put("notes", s.notes())
        .put("escalationLevel", s.escalationLevel())
        .put("transfers", s.transfers())
        .document();
  }

  /** Also reads the step of a queue row, which the queue's aggregation unwinds. */
  static Step step(Document d) {
    return new Step(
        definition(nested(d, "definition")),
        d.getString("department"),
        enumOf(StepStatus.class, d, "status"),
        d.getString("assignee"),
        instant(d, "readyAt"),
        instant(d, "dueAt"),
        instant(d, "startedAt"),
        instant(d, "doneAt"),
        d.getString("outcome"),
        d.getString("notes"),
        intOf(d, "escalationLevel"),
        intOf(d, "transfers"));
  }

  /**
   * The step's {@code id} is stored as {@code _id}: Spring Data took a property named {@code id}
   * for the identifier of the nested document too.
   */
  private static Document definition(StepTemplate t) {
    return Fields.writer()
        .put("_id", t.id())
        .put("name", t.name())
        .put("kind", t.kind())
        .put("department", t.department())
        .put("ola", t.ola() == null ? null : ola(t.ola()))
        .put("after", t.after(), after -> after)
        .put("onlyIfOutcome", t.onlyIfOutcome())
        .put("resolving", t.resolving())
        .document();
  }

  private static StepTemplate definition(Document d) {
    List<String> after = d.getList("after", String.class);
    return new StepTemplate(
        d.getString("_id"),
        d.getString("name"),
        enumOf(StepKind.class, d, "kind"),
        d.getString("department"),
        ola(nested(d, "ola")),
        after,
        d.getString("onlyIfOutcome"),
        bool(d, "resolving"));
  }

  private static Document ola(Ola ola) {
    return Fields.writer().put("minutes", ola.minutes()).put("clock", ola.clock()).document();
  }

  private static Ola ola(Document d) {
    return d == null ? null : new Ola(longOf(d, "minutes"), enumOf(Ola.OlaClock.class, d, "clock"));
  }

  private static Object entry(HistoryEntry e) {
    return Fields.writer()
        .put("at", e.at())
        .put("actor", e.actor())
        .put("action", e.action())
        .put("stepId", e.stepId())
        .put("department", e.department())
        .put("detail", e.detail())
        .put("ref", e.ref())
        .document();
  }

  private static HistoryEntry entry(Document d) {
    return new HistoryEntry(
        instant(d, "at"),
        d.getString("actor"),
        d.getString("action"),
        d.getString("stepId"),
        d.getString("department"),
        d.getString("detail"),
        d.getString("ref"));
  }
}
