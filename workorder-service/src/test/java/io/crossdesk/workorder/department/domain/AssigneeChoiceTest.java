package io.crossdesk.workorder.department.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.time.BusinessCalendar;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssigneeChoiceTest {

  private static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-03-02T02:00:00Z");
  private static final Instant MONDAY_20_SHANGHAI = Instant.parse("2026-03-02T12:00:00Z");
  private static final Member ANA = new Member("ana", "Ana", false);
  private static final Member BO = new Member("bo", "Bo", false);
  private static final Member CY = new Member("cy", "Cy", true);

  private static Department billing(WorkIntake intake) {
    Department seeded =
        StandardDepartments.ALL.stream()
            .filter(department -> department.id().equals(StandardDepartments.BILLING))
            .findFirst()
            .orElseThrow();
    return new Department(
        seeded.id(),
        seeded.names(),
        seeded.calendar(),
        List.of(ANA, CY, BO),
        seeded.escalationContacts(),
        intake);
  }

  @Test
  void only_members_who_are_not_away_are_eligible_while_the_department_is_open() {
    Department billing = billing(WorkIntake.ROUND_ROBIN);
    BusinessCalendar hours = billing.calendar().toCalendar();

    assertThat(AssigneeChoice.eligible(billing, hours, MONDAY_10_SHANGHAI))
        .containsExactly(ANA, BO);
    assertThat(AssigneeChoice.eligible(billing, hours, MONDAY_20_SHANGHAI)).isEmpty();
  }

  @Test
  void round_robin_gives_each_eligible_member_a_turn_in_the_listed_order() {
    List<Member> eligible = List.of(ANA, BO);

    assertThat(List.of(1L, 2L, 3L, 4L))
        .map(turn -> AssigneeChoice.roundRobin(eligible, turn).orElseThrow().id())
        .containsExactly("ana", "bo", "ana", "bo");
    assertThat(AssigneeChoice.roundRobin(List.of(), 7)).isEmpty();
  }

  @Test
  void
      least_loaded_gives_the_step_to_the_member_with_the_fewest_open_steps_first_listed_on_a_tie() {
    List<Member> eligible = List.of(ANA, BO);

    assertThat(AssigneeChoice.leastLoaded(eligible, Map.of("ana", 2L, "bo", 1L))).contains(BO);
    assertThat(AssigneeChoice.leastLoaded(eligible, Map.of("bo", 1L))).contains(ANA);
    assertThat(AssigneeChoice.leastLoaded(eligible, Map.of())).contains(ANA);
    assertThat(AssigneeChoice.leastLoaded(List.of(), Map.of())).isEmpty();
  }
}
