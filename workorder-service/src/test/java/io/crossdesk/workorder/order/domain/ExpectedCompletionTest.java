package io.crossdesk.workorder.order.domain;

import static io.crossdesk.workorder.order.domain.WorkOrders.START;
import static io.crossdesk.workorder.order.domain.WorkOrders.finish;
import static io.crossdesk.workorder.order.domain.WorkOrders.open;
import static io.crossdesk.workorder.order.domain.WorkOrders.standard;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.department.domain.StandardDepartments;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.routing.domain.Priority;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpectedCompletionTest {

  private static final DepartmentDirectory DEPARTMENTS =
      new DepartmentDirectory(StandardDepartments.ALL);

  @Test
  void adds_the_olas_along_the_remaining_steps_up_to_the_follow_up() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();

    // repair 8 h, verification 4 h; the call-back comes after the resolution.
    assertThat(order.expectedCompletion()).isEqualTo(START.plusSeconds((8 + 4) * 3600));

    WorkOrder repairedEarly = finish(order, "repair", null, 1).order();
    assertThat(repairedEarly.expectedCompletion()).isEqualTo(START.plusSeconds((1 + 4) * 3600));

    WorkOrder verified = finish(repairedEarly, "verification", null, 2).order();
    assertThat(verified.step("call-back").orElseThrow().status()).isEqualTo(StepStatus.READY);
    assertThat(verified.expectedCompletion()).as("nothing left but the call-back").isNull();
  }

  @Test
  void follows_the_longest_of_parallel_paths() {
    WorkOrder order = open(standard(StandardFlows.ENTERPRISE_LINE), "SERVICE_REQUEST", "B").order();

    // requirements 16, then max(resources 24, contract 24), installation 24, activation 8,
    // acceptance 16, settlement 16; the complaint step is an exception and left out.
    assertThat(order.expectedCompletion())
        .isEqualTo(START.plusSeconds((16 + 24 + 24 + 8 + 16 + 16) * 3600));
  }

  @Test
  void counts_each_step_in_its_own_department_calendar() {
    // Friday 16:00 in Shanghai.
    Instant friday = Instant.parse("2026-03-06T08:00:00Z");
    WorkOrder order =
        WorkOrder.open(
                "W-2",
                WorkOrders.ticket("FAULT", "B"),
                1,
                0,
                new RoutingDecision(
                    StandardRoutingRules.DEFAULT, StandardFlows.FAULT_REPAIR, Priority.NORMAL),
                standard(StandardFlows.FAULT_REPAIR),
                friday,
                DEPARTMENTS)
            .order();

    // Field service works 08:00-20:00 every day: 4 h on Friday, 4 h on Saturday to 12:00.
    assertThat(order.step("repair").orElseThrow().dueAt())
        .isEqualTo(Instant.parse("2026-03-07T04:00:00Z"));
    // Network operations works around the clock: 4 h more.
    assertThat(order.expectedCompletion()).isEqualTo(Instant.parse("2026-03-07T08:00:00Z"));
  }

  @Test
  void an_overdue_step_is_expected_now_and_pushes_the_prediction_out() {
    WorkOrder order = open(standard(StandardFlows.FAULT_REPAIR), "FAULT", "B").order();
    Instant late = START.plusSeconds(10 * 3600);

    Instant predicted = ExpectedCompletion.of(order.steps(), WorkOrders.ALWAYS, late);

    assertThat(predicted).isEqualTo(late.plusSeconds(4 * 3600));
  }
}
