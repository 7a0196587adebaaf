package io.crossdesk.workorder.order.domain;

import static io.crossdesk.workorder.order.domain.WorkOrders.ALWAYS;
import static io.crossdesk.workorder.order.domain.WorkOrders.START;
import static io.crossdesk.workorder.order.domain.WorkOrders.finish;
import static io.crossdesk.workorder.order.domain.WorkOrders.open;
import static io.crossdesk.workorder.order.domain.WorkOrders.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.order.domain.WorkOrderFact.ComplaintSettled;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Completed;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Resolved;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReady;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReturned;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkOrderFlowTest {

  @Test
  void a_new_work_order_puts_only_its_first_step_in_a_queue() {
    WorkOrderChange opened = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B");

    assertThat(readySteps(opened)).containsExactly("requirements");
    assertThat(opened.order().step("requirements").orElseThrow().dueAt())
        .isEqualTo(START.plusSeconds(16 * 3600));
    assertThat(opened.order().step("installation").orElseThrow().status())
        .isEqualTo(StepStatus.WAITING);
  }

  @Test
  void steps_with_the_same_predecessor_run_in_parallel_and_the_next_waits_for_both() {
    WorkOrder order = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B").order();

    WorkOrderChange requirementsDone = finish(order, "requirements", null, 2);
    assertThat(readySteps(requirementsDone)).containsExactlyInAnyOrder("resources", "contract");

    WorkOrderChange resourcesDone = finish(requirementsDone.order(), "resources", null, 3);
    assertThat(readySteps(resourcesDone)).isEmpty();
    assertThat(resourcesDone.order().step("installation").orElseThrow().status())
        .isEqualTo(StepStatus.WAITING);

    WorkOrderChange contractDone = finish(resourcesDone.order(), "contract", null, 4);
    assertThat(readySteps(contractDone)).containsExactly("installation");
  }

  @Test
  void the_eight_step_flow_skips_complaint_handling_when_the_customer_accepts() {
    WorkOrder order = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B").order();
    for (String step : List.of("requirements", "resources", "contract", "installation")) {
      order = finish(order, step, null, 1).order();
    }
    order = finish(order, "activation", null, 2).order();
    WorkOrderChange accepted = finish(order, "acceptance", "ACCEPTED", 3);

    assertThat(accepted.order().step("complaint").orElseThrow().status())
        .isEqualTo(StepStatus.SKIPPED);
    assertThat(readySteps(accepted)).containsExactly("settlement");

    WorkOrderChange settled = finish(accepted.order(), "settlement", null, 4);
    assertThat(settled.order().status()).isEqualTo(WorkOrderStatus.COMPLETED);
    assertThat(settled.order().expectedCompletion()).isNull();
    assertThat(settled.facts()).last().isInstanceOf(Completed.class);
  }

  @Test
  void a_complaint_raised_at_acceptance_is_handled_before_billing_settles() {
    WorkOrder order = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B").order();
    for (String step :
        List.of("requirements", "resources", "contract", "installation", "activation")) {
      order = finish(order, step, null, 1).order();
    }

    WorkOrderChange complained = finish(order, "acceptance", "COMPLAINT", 2);

    assertThat(readySteps(complained)).containsExactly("complaint");
    assertThat(complained.order().step("settlement").orElseThrow().status())
        .isEqualTo(StepStatus.WAITING);
  }

  @Test
  void resolving_a_complaint_announces_it_before_the_follow_up_becomes_ready() {
    Performer staff = Performer.person("billing-1");
    Instant at = START.plusSeconds(3600);
    WorkOrder order =
        open(standard("complaint-billing"), "COMPLAINT", "B")
            .order()
            .claim("resolve", staff, at, ALWAYS)
            .order();

    assertThatThrownBy(
            () -> order.complete("resolve", staff, null, "refunded", null, null, at, ALWAYS))
        .isInstanceOf(StepConflictException.class)
        .hasMessageContaining("root cause");

    WorkOrderChange resolved =
        order.complete(
            "resolve",
            staff,
            null,
            null,
            "Refunded the roaming charge",
            RootCause.BILLING,
            at,
            ALWAYS);
    assertThat(resolved.facts())
        .extracting(fact -> fact.getClass().getSimpleName())
        .containsExactly("ComplaintSettled", "StepDone", "StepReady");
    ComplaintSettled settled = (ComplaintSettled) resolved.facts().get(0);
    assertThat(settled.step().department()).isEqualTo("billing");
    assertThat(((StepReady) resolved.facts().get(2)).step().id()).isEqualTo("call-back");
    assertThat(resolved.order().step("call-back").orElseThrow().dueAt())
        .isEqualTo(at.plusSeconds(3 * 24 * 3600));

    WorkOrderChange calledBack = finish(resolved.order(), "call-back", "SATISFIED", 2);
    Completed completed = (Completed) calledBack.facts().get(calledBack.facts().size() - 1);
    assertThat(completed.resolution()).isEqualTo("Refunded the roaming charge");
    assertThat(completed.department()).isEqualTo("billing");
  }

  @Test
  void a_verified_repair_resolves_the_request_before_the_call_back() {
    WorkOrder repaired =
        finish(open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order(), "repair", null, 1)
            .order();
    WorkOrderChange verified = finish(repaired, "verification", null, 2);

    assertThat(verified.facts())
        .filteredOn(Resolved.class::isInstance)
        .singleElement()
        .satisfies(
            fact -> {
              Resolved resolved = (Resolved) fact;
              assertThat(resolved.department()).isEqualTo("network-ops");
              assertThat(resolved.at()).isEqualTo(START.plusSeconds(2 * 3600));
            });
    assertThat(verified.order().status()).isEqualTo(WorkOrderStatus.OPEN);
    assertThat(verified.order().step("call-back").orElseThrow().status())
        .isEqualTo(StepStatus.READY);

    WorkOrderChange calledBack = finish(verified.order(), "call-back", "SATISFIED", 3);
    assertThat(calledBack.facts()).noneMatch(Resolved.class::isInstance);
    assertThat(calledBack.facts()).last().isInstanceOf(Completed.class);
  }

  @Test
  void only_a_supervisor_approves_a_refund_and_no_refund_skips_the_approval() {
    WorkOrder order = open(standard(StandardFlows.BILLING_DISPUTE), "COMPLAINT", "B").order();
    WorkOrder refund = finish(order, "investigation", "REFUND", 1).order();
    Instant at = START.plusSeconds(7200);
    WorkOrder claimed =
        refund.claim("refund-approval", Performer.person("billing-1"), at, ALWAYS).order();

    assertThatThrownBy(
            () ->
                claimed.complete(
                    "refund-approval",
                    Performer.person("billing-1"),
                    null,
                    null,
                    null,
                    null,
                    at,
                    ALWAYS))
        .isInstanceOf(StepConflictException.class)
        .hasMessageContaining("supervisor");
    assertThat(
            claimed
                .complete(
                    "refund-approval",
                    Performer.supervisorNamed("sup-1"),
                    "APPROVED",
                    null,
                    null,
                    null,
                    at,
                    ALWAYS)
                .order()
                .step("call-back")
                .orElseThrow()
                .status())
        .isEqualTo(StepStatus.READY);

    WorkOrderChange noRefund = finish(order, "investigation", "NO_REFUND", 1);
    assertThat(noRefund.order().step("refund-approval").orElseThrow().status())
        .isEqualTo(StepStatus.SKIPPED);
    assertThat(readySteps(noRefund)).containsExactly("call-back");
  }

  @Test
  void a_returned_step_waits_until_the_step_before_it_is_done_again() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    order = finish(order, "repair", null, 1).order();
    Instant at = START.plusSeconds(2 * 3600);

    WorkOrderChange returned =
        order.returnStep("verification", Performer.person("noc-1"), "still no signal", at, ALWAYS);

    assertThat(returned.order().step("verification").orElseThrow().status())
        .isEqualTo(StepStatus.RETURNED);
    assertThat(returned.order().step("repair").orElseThrow().status()).isEqualTo(StepStatus.READY);
    assertThat(returned.facts().get(0)).isInstanceOf(StepReturned.class);
    assertThat(readySteps(returned)).containsExactly("repair");

    WorkOrderChange repairedAgain = finish(returned.order(), "repair", null, 3);
    assertThat(readySteps(repairedAgain)).containsExactly("verification");
  }

  @Test
  void the_first_step_has_nothing_to_return_to() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();

    assertThatThrownBy(
            () -> order.returnStep("repair", Performer.person("x"), "why", START, ALWAYS))
        .isInstanceOf(StepConflictException.class);
  }

  @Test
  void a_transfer_moves_the_step_to_another_queue_and_counts_a_routing_error() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    Instant at = START.plusSeconds(1800);

    WorkOrder moved =
        order
            .transfer(
                "repair", Performer.person("field-1"), "network-ops", "not on site", at, ALWAYS)
            .order();

    Step repair = moved.step("repair").orElseThrow();
    assertThat(repair.department()).isEqualTo("network-ops");
    assertThat(repair.status()).isEqualTo(StepStatus.READY);
    assertThat(repair.dueAt()).isEqualTo(at.plusSeconds(8 * 3600));
    assertThat(moved.routingErrors()).isEqualTo(1);
    assertThat(moved.history())
        .extracting(HistoryEntry::action, HistoryEntry::department)
        .endsWith(
            org.assertj.core.groups.Tuple.tuple("transferred", "field-service"),
            org.assertj.core.groups.Tuple.tuple("ready", "network-ops"));
  }

  @Test
  void the_second_person_to_claim_a_step_is_refused() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    WorkOrder claimed = order.claim("repair", Performer.person("a"), START, ALWAYS).order();

    assertThatThrownBy(() -> claimed.claim("repair", Performer.person("b"), START, ALWAYS))
        .isInstanceOf(StepConflictException.class)
        .hasMessageContaining("CLAIMED by a");
    assertThatThrownBy(() -> claimed.start("repair", Performer.person("b"), START, ALWAYS))
        .isInstanceOf(StepConflictException.class);
  }

  @Test
  void every_move_is_in_the_history_with_who_when_and_which_department() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    WorkOrder done = finish(order, "repair", null, 1).order();

    assertThat(done.history())
        .extracting(HistoryEntry::action)
        .containsExactly("opened", "ready", "claimed", "started", "completed", "ready");
    assertThat(done.history().get(2).actor()).isEqualTo("staff-1");
    assertThat(done.history().get(2).department()).isEqualTo("field-service");
    assertThat(done.history().get(5).department()).isEqualTo("network-ops");
  }

  private static List<String> readySteps(WorkOrderChange change) {
    return change.facts().stream()
        .filter(StepReady.class::isInstance)
        .map(fact -> ((StepReady) fact).step().id())
        .toList();
  }
}
