package io.crossdesk.ticket.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

  private final SlaPolicy policy = SlaPolicy.defaults(Instant.parse("2026-12-01T00:00:00Z"));

  @Test
  void a_tier_a_complaint_is_due_sooner_than_the_same_complaint_from_tier_c() {
    SlaTargets a = policy.targetsFor(CustomerTier.A, Priority.NORMAL, TicketType.COMPLAINT);
    SlaTargets c = policy.targetsFor(CustomerTier.C, Priority.NORMAL, TicketType.COMPLAINT);

    assertThat(a.resolutionMinutes()).isEqualTo(24 * 60);
    assertThat(c.resolutionMinutes()).isEqualTo(72 * 60);
  }

  @Test
  void the_most_specific_row_wins_and_the_earlier_one_on_a_tie() {
    SlaPolicy edited =
        new SlaPolicy(
            2,
            SlaPolicy.roundTheClock(),
            List.of(
                new TargetRule(null, Priority.URGENT, TicketType.FAULT, 10, 60),
                new TargetRule(CustomerTier.A, Priority.URGENT, null, 20, 120),
                new TargetRule(CustomerTier.A, null, TicketType.FAULT, 30, 180),
                new TargetRule(null, null, null, 60, 600)),
            List.of(75, 100, 150),
            List.of(50, 75, 100),
            "P7D",
            "admin",
            Instant.EPOCH);

    assertThat(edited.targetsFor(CustomerTier.A, Priority.URGENT, TicketType.FAULT))
        .isEqualTo(new SlaTargets(10, 60));
    assertThat(edited.targetsFor(CustomerTier.A, Priority.URGENT, TicketType.COMPLAINT))
        .isEqualTo(new SlaTargets(20, 120));
    assertThat(edited.targetsFor(CustomerTier.B, Priority.LOW, TicketType.SUGGESTION))
        .isEqualTo(new SlaTargets(60, 600));
  }

  @Test
  void tier_a_and_key_accounts_escalate_earlier() {
    assertThat(policy.escalationPercents(CustomerTier.A, false)).containsExactly(50, 75, 100);
    assertThat(policy.escalationPercents(CustomerTier.C, true)).containsExactly(50, 75, 100);
    assertThat(policy.escalationPercents(CustomerTier.C, false)).containsExactly(75, 100, 150);
  }

  @Test
  void refuses_a_policy_that_leaves_tickets_without_targets_or_escalates_out_of_order() {
    List<TargetRule> noCatchAll = List.of(new TargetRule(CustomerTier.A, null, null, 10, 60));
    assertThatThrownBy(
            () ->
                new SlaPolicy(
                    2,
                    SlaPolicy.roundTheClock(),
                    noCatchAll,
                    List.of(75),
                    List.of(50),
                    "P7D",
                    "a",
                    Instant.EPOCH))
        .hasMessageContaining("without tier, priority and type");
    List<TargetRule> rows = List.of(new TargetRule(null, null, null, 10, 60));
    assertThatThrownBy(
            () ->
                new SlaPolicy(
                    2,
                    SlaPolicy.roundTheClock(),
                    rows,
                    List.of(100, 75),
                    List.of(50),
                    "P7D",
                    "a",
                    Instant.EPOCH))
        .hasMessageContaining("must rise strictly");
    assertThatThrownBy(() -> new TargetRule(null, null, null, 120, 60))
        .hasMessageContaining("first response cannot be due after the resolution");
  }
}
