package io.crossdesk.workorder.configuration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.department.domain.StandardDepartments;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.Ola;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.flow.domain.StepKind;
import io.crossdesk.workorder.flow.domain.StepTemplate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FlowValidationTest {

  private static final Predicate<String> KNOWN =
      Set.of("billing", "network-ops", "field-service")::contains;

  @Test
  void the_standard_flows_are_valid() {
    Predicate<String> standard =
        id -> StandardDepartments.ALL.stream().anyMatch(department -> department.id().equals(id));
    for (FlowTemplate flow : StandardFlows.ALL) {
      assertThat(FlowValidation.check(flow, standard)).as(flow.id()).isEmpty();
    }
  }

  @Test
  void names_a_step_in_an_unknown_department() {
    List<Violation> violations =
        FlowValidation.check(flow(step("a", "catering"), step("b", "billing", "a")), KNOWN);

    assertThat(violations)
        .containsExactly(new Violation("steps[0].department", "unknown department 'catering'"));
  }

  @Test
  void names_the_steps_of_a_cycle_and_the_steps_behind_it() {
    List<Violation> violations =
        FlowValidation.check(
            flow(
                step("start", "billing"),
                step("a", "billing", "start", "b"),
                step("b", "billing", "a"),
                step("after", "billing", "b")),
            KNOWN);

    assertThat(violations).extracting(Violation::field).containsExactly("steps", "steps[3]");
    assertThat(violations.get(0).message()).contains("a, b").contains("wait for each other");
    assertThat(violations.get(1).message()).contains("after is unreachable");
  }

  @Test
  void a_step_waiting_for_a_step_that_does_not_exist_is_unreachable() {
    List<Violation> violations =
        FlowValidation.check(flow(step("a", "billing"), step("b", "billing", "ghost")), KNOWN);

    assertThat(violations).singleElement().extracting(Violation::field).isEqualTo("steps[1].after");
    assertThat(violations.get(0).message()).contains("ghost").contains("unreachable");
  }

  @Test
  void a_step_waiting_for_itself_is_a_cycle() {
    assertThat(FlowValidation.check(flow(step("a", "billing", "a")), KNOWN))
        .extracting(Violation::field)
        .containsExactly("steps");
  }

  @Test
  void duplicate_step_ids_and_an_empty_flow_are_refused() {
    assertThat(FlowValidation.check(flow(step("a", "billing"), step("a", "billing")), KNOWN))
        .extracting(Violation::field)
        .containsExactly("steps[1].id");
    assertThat(FlowValidation.check(flow(), KNOWN))
        .extracting(Violation::field)
        .containsExactly("steps");
  }

  static FlowTemplate flow(StepTemplate... steps) {
    return new FlowTemplate("test-flow", 1, "Test", "", List.of(steps));
  }

  static StepTemplate step(String id, String department, String... after) {
    return new StepTemplate(
        id,
        "Step " + id,
        StepKind.TASK,
        department,
        Ola.businessHours(4),
        List.of(after),
        null,
        false);
  }
}
