package io.crossdesk.workorder.order.domain;

import static io.crossdesk.workorder.order.domain.WorkOrders.ALWAYS;
import static io.crossdesk.workorder.order.domain.WorkOrders.START;
import static io.crossdesk.workorder.order.domain.WorkOrders.open;
import static io.crossdesk.workorder.order.domain.WorkOrders.standard;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.order.domain.EscalationPolicy.Threshold;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepEscalated;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

  private final EscalationPolicy policy = EscalationPolicy.DEFAULT;

  @Test
  void escalates_level_by_level_at_75_100_and_150_percent_of_the_ola() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    Step repair = order.step("repair").orElseThrow();

    // An 8 h OLA: the team lead at 6 h.
    assertThat(policy.next(repair, "B", ALWAYS))
        .contains(new Threshold(1, 75, START.plusSeconds(6 * 3600)));
    assertThat(policy.next(repair.escalatedTo(1), "B", ALWAYS))
        .contains(new Threshold(2, 100, START.plusSeconds(8 * 3600)));
    assertThat(policy.next(repair.escalatedTo(2), "B", ALWAYS))
        .contains(new Threshold(3, 150, START.plusSeconds(12 * 3600)));
    assertThat(policy.next(repair.escalatedTo(3), "B", ALWAYS)).isEmpty();
    assertThat(EscalationPolicy.role(2)).isEqualTo("DEPARTMENT_HEAD");
  }

  @Test
  void tier_a_escalates_earlier() {
    Step repair =
        open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "A")
            .order()
            .step("repair")
            .orElseThrow();

    assertThat(policy.next(repair, "A", ALWAYS))
        .contains(new Threshold(1, 50, START.plusSeconds(4 * 3600)));
  }

  @Test
  void a_step_escalates_once_per_level_however_often_its_timer_fires() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    Instant readyAt = order.step("repair").orElseThrow().readyAt();
    Instant at = START.plusSeconds(6 * 3600);

    WorkOrderChange first = order.escalate("repair", readyAt, 1, 75, at, ALWAYS);
    WorkOrderChange again = first.order().escalate("repair", readyAt, 1, 75, at, ALWAYS);

    assertThat(first.facts()).singleElement().isInstanceOf(StepEscalated.class);
    assertThat(first.order().step("repair").orElseThrow().escalationLevel()).isEqualTo(1);
    assertThat(again.changed(first.order())).isFalse();
    assertThat(again.facts()).isEmpty();
  }

  @Test
  void a_timer_set_for_an_earlier_turn_of_the_step_changes_nothing() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    Instant at = START.plusSeconds(3600);
    WorkOrder transferred =
        order
            .transfer("repair", Performer.person("f"), "network-ops", "misrouted", at, ALWAYS)
            .order();

    WorkOrderChange stale =
        transferred.escalate("repair", START, 1, 75, START.plusSeconds(6 * 3600), ALWAYS);

    assertThat(stale.changed(transferred)).isFalse();
  }

  @Test
  void a_reopened_round_starts_at_the_level_it_carried_over() {
    Step repair =
        WorkOrder.open(
                "W-3",
                WorkOrders.ticket("FAULT", "B"),
                2,
                1,
                new io.crossdesk.workorder.routing.domain.RoutingDecision(
                    io.crossdesk.workorder.routing.domain.StandardRoutingRules.DEFAULT,
                    StandardFlows.FAULT_REPAIR,
                    io.crossdesk.workorder.routing.domain.Priority.HIGH),
                standard(StandardFlows.FAULT_REPAIR),
                START,
                ALWAYS)
            .order()
            .step("repair")
            .orElseThrow();

    assertThat(policy.next(repair, "B", ALWAYS)).map(Threshold::level).contains(2);
  }
}
