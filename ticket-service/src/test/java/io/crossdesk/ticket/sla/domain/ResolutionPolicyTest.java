package io.crossdesk.ticket.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.ticket.domain.Priority;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResolutionPolicyTest {

  private static final Instant OPENED = Instant.parse("2025-03-03T09:15:00Z");

  @ParameterizedTest(name = "tier {0}, {1}: {2} hours")
  @CsvSource({
    "A, URGENT, 4", "A, HIGH, 8", "A, NORMAL, 24", "A, LOW, 48",
    "B, URGENT, 8", "B, HIGH, 24", "B, NORMAL, 48", "B, LOW, 72",
    "C, URGENT, 24", "C, HIGH, 48", "C, NORMAL, 72", "C, LOW, 120"
  })
  void resolves_by_the_default_hours_for_tier_and_priority(
      CustomerTier tier, Priority priority, long hours) {
    assertThat(ResolutionPolicy.defaults().resolveBy(OPENED, tier, priority))
        .isEqualTo(OPENED.plus(Duration.ofHours(hours)));
  }

  @Test
  void an_override_changes_only_its_own_cell() {
    ResolutionPolicy policy = ResolutionPolicy.defaults().with(CustomerTier.A, Priority.URGENT, 2);

    assertThat(policy.resolutionTime(CustomerTier.A, Priority.URGENT)).hasHours(2);
    assertThat(policy.resolutionTime(CustomerTier.A, Priority.HIGH)).hasHours(8);
    assertThat(policy.resolutionTime(CustomerTier.B, Priority.URGENT)).hasHours(8);
  }

  @Test
  void overriding_leaves_the_original_policy_as_it_was() {
    ResolutionPolicy defaults = ResolutionPolicy.defaults();

    defaults.with(CustomerTier.C, Priority.LOW, 200);

    assertThat(defaults.resolutionTime(CustomerTier.C, Priority.LOW)).hasHours(120);
  }

  @Test
  void refuses_a_deadline_that_is_not_in_the_future() {
    assertThatThrownBy(() -> ResolutionPolicy.defaults().with(CustomerTier.B, Priority.LOW, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("B/LOW");
  }
}
