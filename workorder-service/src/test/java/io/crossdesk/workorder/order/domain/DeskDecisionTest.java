package io.crossdesk.workorder.order.domain;

import static io.crossdesk.workorder.order.domain.WorkOrders.ALWAYS;
import static io.crossdesk.workorder.order.domain.WorkOrders.START;
import static io.crossdesk.workorder.order.domain.WorkOrders.open;
import static io.crossdesk.workorder.order.domain.WorkOrders.standard;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Closed;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReady;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepWithdrawn;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskDecisionTest {

  private static final Instant LATER = START.plusSeconds(3600);

  @Test
  void a_fault_the_desk_resolved_itself_withdraws_the_repair_and_verification_and_calls_back() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    WorkOrder claimed = order.claim("repair", Performer.person("ana"), START, ALWAYS).order();

    WorkOrderChange resolved =
        DeskDecision.resolved("Reset the router by phone", "service-center", "agent-7", "E-1")
            .applyTo(claimed, LATER, ALWAYS);

    assertThat(resolved.order().step("repair").orElseThrow().status())
        .isEqualTo(StepStatus.WITHDRAWN);
    assertThat(resolved.order().step("verification").orElseThrow().status())
        .isEqualTo(StepStatus.WITHDRAWN);
    assertThat(resolved.order().step("call-back").orElseThrow().status())
        .isEqualTo(StepStatus.READY);
    assertThat(resolved.facts())
        .filteredOn(StepWithdrawn.class::isInstance)
        .singleElement()
        .satisfies(
            fact -> {
              StepWithdrawn withdrawn = (StepWithdrawn) fact;
              assertThat(withdrawn.step().id()).isEqualTo("repair");
              assertThat(withdrawn.step().assignee()).isEqualTo("ana");
              assertThat(withdrawn.reason()).isEqualTo("ticket resolved by agent-7");
            });
    assertThat(resolved.facts()).filteredOn(StepReady.class::isInstance).hasSize(1);
    assertThat(resolved.order().status()).isEqualTo(WorkOrderStatus.OPEN);
    assertThat(resolved.order().resolution()).isEqualTo("Reset the router by phone");
    assertThat(resolved.order().history())
        .filteredOn(entry -> entry.action().equals("withdrawn"))
        .extracting(HistoryEntry::stepId)
        .containsExactlyInAnyOrder("repair", "verification");
  }

  @Test
  void a_complaint_resolved_by_its_own_work_order_goes_on_to_the_call_back_unchanged() {
    WorkOrder order = open(standard("complaint-billing"), "COMPLAINT", "B").order();
    Performer staff = Performer.person("staff-1");
    WorkOrder resolvedByBilling =
        order
            .claim("resolve", staff, START, ALWAYS)
            .order()
            .complete("resolve", staff, null, null, "Refunded", RootCause.BILLING, START, ALWAYS)
            .order();

    WorkOrderChange resolved =
        DeskDecision.resolved("Refunded", "billing", "staff-1", "E-2")
            .applyTo(resolvedByBilling, LATER, ALWAYS);

    assertThat(resolved.changed(resolvedByBilling)).isFalse();
    assertThat(resolved.facts()).isEmpty();
  }

  @Test
  void an_eight_step_flow_resolved_through_its_complaint_step_still_settles_the_bill() {
    WorkOrder order = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B").order();
    for (String step :
        List.of("requirements", "resources", "contract", "installation", "activation")) {
      order = WorkOrders.finish(order, step, null, 1).order();
    }
    order = WorkOrders.finish(order, "acceptance", "COMPLAINT", 2).order();
    Performer staff = Performer.person("staff-1");
    order =
        order
            .claim("complaint", staff, START, ALWAYS)
            .order()
            .complete("complaint", staff, null, null, "Fixed", RootCause.SERVICE, START, ALWAYS)
            .order();

    WorkOrderChange resolved =
        DeskDecision.resolved("Fixed", "service-center", "staff-1", "E-3")
            .applyTo(order, LATER, ALWAYS);

    assertThat(resolved.facts()).isEmpty();
    assertThat(resolved.order().step("settlement").orElseThrow().status())
        .isEqualTo(StepStatus.READY);

    WorkOrderChange confirmed =
        DeskDecision.closed("CONFIRMED", null, "customer", "E-3b")
            .applyTo(resolved.order(), LATER, ALWAYS);

    assertThat(confirmed.facts()).as("the customer confirmed before billing settled").isEmpty();
    assertThat(confirmed.order().step("settlement").orElseThrow().status())
        .isEqualTo(StepStatus.READY);
  }

  @Test
  void a_cancelled_ticket_withdraws_every_open_step_and_cancels_the_work_order_once() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();

    WorkOrderChange cancelled =
        DeskDecision.closed("MERGED", "T-42", "agent-7", "E-4").applyTo(order, LATER, ALWAYS);
    WorkOrderChange again =
        DeskDecision.closed("MERGED", "T-42", "agent-7", "E-4")
            .applyTo(cancelled.order(), LATER, ALWAYS);

    assertThat(cancelled.order().status()).isEqualTo(WorkOrderStatus.CANCELLED);
    assertThat(cancelled.order().closeReason()).isEqualTo("ticket MERGED into T-42");
    assertThat(cancelled.order().steps())
        .extracting(Step::status)
        .containsOnly(StepStatus.WITHDRAWN);
    assertThat(cancelled.order().expectedCompletion()).isNull();
    assertThat(cancelled.facts())
        .last()
        .isEqualTo(new Closed(WorkOrderStatus.CANCELLED, "ticket MERGED into T-42"));
    assertThat(again.changed(cancelled.order())).isFalse();
  }

  @Test
  void a_confirmed_ticket_keeps_its_call_back_and_withdraws_the_rest() {
    WorkOrder order = open(standard(StandardFlows.BILLING_DISPUTE), "SERVICE_REQUEST", "B").order();

    WorkOrderChange closed =
        DeskDecision.closed("CONFIRMED", null, "customer", "E-5").applyTo(order, LATER, ALWAYS);

    assertThat(closed.order().step("investigation").orElseThrow().status())
        .isEqualTo(StepStatus.WITHDRAWN);
    assertThat(closed.order().step("refund-approval").orElseThrow().status())
        .isEqualTo(StepStatus.WITHDRAWN);
    assertThat(closed.order().step("call-back").orElseThrow().status()).isEqualTo(StepStatus.READY);
    assertThat(closed.order().status()).isEqualTo(WorkOrderStatus.OPEN);
  }

  @Test
  void a_reopening_supersedes_the_previous_round_and_leaves_a_completed_one_alone() {
    WorkOrder order = open(standard(StandardFlows.FIELD_VISIT), "FAULT", "B").order();

    WorkOrderChange superseded =
        DeskDecision.reopened(2, "still broken", "customer", "E-6").applyTo(order, LATER, ALWAYS);
    WorkOrder completed = WorkOrders.finish(order, "visit", null, 1).order();

    assertThat(superseded.order().status()).isEqualTo(WorkOrderStatus.SUPERSEDED);
    assertThat(superseded.order().closeReason()).isEqualTo("reopened as round 2: still broken");
    assertThat(superseded.facts()).filteredOn(StepWithdrawn.class::isInstance).hasSize(1);
    assertThat(
            DeskDecision.reopened(2, null, "customer", "E-7")
                .applyTo(completed, LATER, ALWAYS)
                .changed(completed))
        .isFalse();
  }
}
