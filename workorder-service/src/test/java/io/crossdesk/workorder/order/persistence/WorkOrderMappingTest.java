package io.crossdesk.workorder.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.testsupport.SpringDataShape;
import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.department.domain.StandardDepartments;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.order.domain.DeskDecision;
import io.crossdesk.workorder.order.domain.HistoryEntry;
import io.crossdesk.workorder.order.domain.Performer;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.StepStatus;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderStatus;
import io.crossdesk.workorder.routing.domain.Priority;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.annotation.Id;

/** The hand-written work order mapping: lossless, and the stored shape earlier releases wrote. */
class WorkOrderMappingTest {

  private static final Calendars ALWAYS = department -> BusinessCalendar.twentyFourSeven();
  private static final Instant AT = Instant.parse("2026-12-01T09:00:00.123Z");
  private static final Performer LEAD = Performer.supervisorNamed("lead-1");

  private final WorkOrderMapping mapping = new WorkOrderMapping();

  /**
   * Work orders built through the domain: no single one can be open, completed and cancelled at
   * once, so together they hold every step status and every optional field.
   */
  static Stream<Named<WorkOrder>> worked() {
    return Stream.of(
        Named.of("in progress", inProgress()),
        Named.of("sent back", sentBack()),
        Named.of("completed", completed()),
        Named.of("cancelled", cancelled()));
  }

  /**
   * A repeat round: a step done, one transferred and escalated, one being worked on by a system,
   * the rest waiting, a conditional one among them.
   */
  private static WorkOrder inProgress() {
    Performer manager = Performer.person("am-1");
    Performer crm = Performer.system("crm", "evt-7");
    Instant at = AT;
    WorkOrder order = opened(StandardFlows.ENTERPRISE_LINE, "SERVICE_REQUEST", 2, 1, at);
    order = order.claim("requirements", manager, at = at.plusSeconds(600), ALWAYS).order();
    order = order.start("requirements", manager, at = at.plusSeconds(60), ALWAYS).order();
    order =
        order
            .complete(
                "requirements",
                manager,
                "done",
                "two sites, 1 Gbit/s",
                null,
                null,
                at = at.plusSeconds(3600),
                ALWAYS)
            .order();
    order =
        order
            .transfer(
                "resources",
                LEAD,
                StandardDepartments.FIELD_SERVICE,
                "needs a site survey",
                at = at.plusSeconds(60),
                ALWAYS)
            .order();
    Instant resourcesReady = order.step("resources").orElseThrow().readyAt();
    order = order.escalate("resources", resourcesReady, 2, 50, at.plusSeconds(60), ALWAYS).order();
    order = order.claim("contract", crm, at = at.plusSeconds(120), ALWAYS).order();
    return order.start("contract", crm, at.plusSeconds(60), ALWAYS).order();
  }

  /** A refund approval sent back to the investigation, which someone claimed again. */
  private static WorkOrder sentBack() {
    Instant at = AT;
    WorkOrder order = opened(StandardFlows.BILLING_DISPUTE, "COMPLAINT", 1, 0, at);
    order = finish(order, "investigation", "refund", "overcharged twice", at = at.plusSeconds(600));
    order = order.claim("refund-approval", LEAD, at = at.plusSeconds(60), ALWAYS).order();
    order =
        order
            .returnStep("refund-approval", LEAD, "invoice missing", at = at.plusSeconds(60), ALWAYS)
            .order();
    return order.claim("investigation", Performer.person("billing-2"), at, ALWAYS).order();
  }

  /** No refund: the approval is skipped, and the call-back completes the work order. */
  private static WorkOrder completed() {
    Instant at = AT;
    WorkOrder order = opened(StandardFlows.BILLING_DISPUTE, "COMPLAINT", 1, 0, at);
    order =
        finish(order, "investigation", "no_refund", "charge was right", at = at.plusSeconds(600));
    return finish(order, "call-back", "satisfied", null, at.plusSeconds(3600));
  }

  /** The desk cancelled the ticket while the repair was claimed: every step is withdrawn. */
  private static WorkOrder cancelled() {
    Instant at = AT;
    WorkOrder order = opened(StandardFlows.FAULT_REPAIR, "FAULT", 1, 0, at);
    order = order.claim("repair", Performer.person("tech-1"), at.plusSeconds(600), ALWAYS).order();
    return DeskDecision.closed("CANCELLED", null, "agent-7", "evt-9")
        .applyTo(order, at.plusSeconds(1200), ALWAYS)
        .order();
  }

  private static WorkOrder opened(
      String flowId, String ticketType, int round, int escalationLevel, Instant at) {
    FlowTemplate flow =
        StandardFlows.ALL.stream().filter(f -> f.id().equals(flowId)).findFirst().orElseThrow();
    TicketFacts ticket =
        new TicketFacts(
            "T-" + flowId,
            "CD-42",
            "C-1",
            "GOLD",
            ticketType,
            "HOTLINE",
            "BILLING",
            "Line down since Monday",
            "No dial tone at either site",
            "north",
            AT.minusSeconds(3600),
            AT.plusSeconds(86_400));
    return WorkOrder.open(
            "WO-" + flowId,
            ticket,
            round,
            escalationLevel,
            new RoutingDecision(StandardRoutingRules.DEFAULT, flowId, Priority.NORMAL),
            flow,
            at,
            ALWAYS)
        .order();
  }

  private static WorkOrder finish(
      WorkOrder order, String stepId, String outcome, String notes, Instant at) {
    Performer staff = Performer.person("staff-1");
    WorkOrder claimed = order.claim(stepId, staff, at, ALWAYS).order();
    WorkOrder started = claimed.start(stepId, staff, at, ALWAYS).order();
    return started.complete(stepId, staff, outcome, notes, null, null, at, ALWAYS).order();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worked")
  void a_work_order_reads_back_as_it_was_written(WorkOrder order) {
    assertThat(mapping.read(stored(order))).isEqualTo(order);
  }

  @Test
  void the_worked_orders_hold_every_step_status_and_every_optional_field() {
    List<WorkOrder> orders = worked().map(Named::getPayload).toList();
    Set<StepStatus> statuses = new HashSet<>();
    Set<String> fields = new HashSet<>();
    Set<String> stepFields = new HashSet<>();
    Set<String> historyFields = new HashSet<>();
    for (WorkOrder order : orders) {
      order.steps().forEach(step -> statuses.add(step.status()));
      Document written = mapping.write(order);
      fields.addAll(written.keySet());
      written.getList("steps", Document.class).forEach(step -> stepFields.addAll(step.keySet()));
      written
          .getList("history", Document.class)
          .forEach(entry -> historyFields.addAll(entry.keySet()));
    }

    assertThat(statuses).containsExactlyInAnyOrder(StepStatus.values());
    assertThat(fields)
        .contains("expectedCompletion", "completedAt", "resolution", "resolvingDepartment")
        .contains("closeReason");
    assertThat(stepFields)
        .contains("assignee", "readyAt", "dueAt", "startedAt", "doneAt", "outcome", "notes");
    assertThat(historyFields).contains("stepId", "department", "detail", "ref");
    assertThat(orders)
        .extracting(WorkOrder::status)
        .contains(WorkOrderStatus.OPEN, WorkOrderStatus.COMPLETED, WorkOrderStatus.CANCELLED);
    WorkOrder inProgress = orders.get(0);
    assertThat(inProgress.repeat()).isTrue();
    assertThat(inProgress.routingErrors()).isEqualTo(1);
    assertThat(inProgress.step("resources").orElseThrow().escalationLevel()).isEqualTo(2);
  }

  @Test
  void a_freshly_opened_work_order_reads_back_with_its_absent_fields_absent() {
    FlowTemplate flow =
        StandardFlows.ALL.stream()
            .filter(f -> f.id().equals(StandardFlows.BILLING_DISPUTE))
            .findFirst()
            .orElseThrow();
    TicketFacts ticket =
        new TicketFacts(
            "T-7", "CD-7", "C-7", "B", "INQUIRY", "EMAIL", "BILLING", "title", null, null, AT,
            null);
    WorkOrder order =
        WorkOrder.open(
                "WO-7",
                ticket,
                1,
                0,
                new RoutingDecision(StandardRoutingRules.DEFAULT, flow.id(), Priority.LOW),
                flow,
                AT,
                ALWAYS)
            .order();

    Document written = mapping.write(order);

    assertThat(written)
        .doesNotContainKeys("_id", "completedAt", "resolution", "resolvingDepartment")
        .doesNotContainKeys("closeReason", "version", "outbox");
    assertThat(written.get("ticket", Document.class))
        .doesNotContainKeys("description", "region", "resolveBy");
    Document waiting = written.getList("steps", Document.class).get(1);
    assertThat(waiting.getString("status")).isEqualTo("WAITING");
    assertThat(waiting)
        .doesNotContainKeys("assignee", "readyAt", "dueAt", "startedAt", "doneAt", "outcome")
        .doesNotContainKey("notes");
    assertThat(written.getList("steps", Document.class).get(0).get("definition", Document.class))
        .doesNotContainKey("onlyIfOutcome");
    assertThat(written.getList("history", Document.class).get(0)).doesNotContainKey("ref");
    assertThat(mapping.read(stored(order))).isEqualTo(order);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("worked")
  void writes_the_shape_spring_data_wrote_for_the_work_order_record_so_stored_orders_stay_readable(
      WorkOrder order) {
    Document reflective = SpringDataShape.of(StoredWorkOrder.of(order));
    reflective.remove("version");

    assertThat(mapping.write(order)).isEqualTo(reflective);
    assertThat(mapping.read(stored(reflective, order))).isEqualTo(order);
    // An instance still on the earlier release reads what this one writes.
    assertThat(SpringDataShape.read(StoredWorkOrder.class, stored(order)))
        .isEqualTo(StoredWorkOrder.of(order));
  }

  private Document stored(WorkOrder order) {
    return stored(mapping.write(order), order);
  }

  private static Document stored(Document fields, WorkOrder order) {
    Document stored = new Document("_id", order.id());
    stored.putAll(fields);
    return stored.append("version", 3L).append("outbox", List.of());
  }

  /** The record Spring Data mapped work orders from before the mapping was written by hand. */
  private record StoredWorkOrder(
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

    static StoredWorkOrder of(WorkOrder order) {
      return new StoredWorkOrder(
          order.id(),
          order.ticket().ticketId() + "#" + order.round(),
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
  }
}
