package io.crossdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.benchmark.result.Backlog;
import io.crossdesk.benchmark.result.Cost;
import io.crossdesk.benchmark.result.LatencySummary;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.benchmark.result.TargetCheck;
import io.crossdesk.benchmark.result.Tickets;
import io.crossdesk.benchmark.result.Traffic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final List<RoundResult> SUSTAINED =
      List.of(
          new RoundResult(
              Sustained.ROUND,
              0,
              3000,
              List.of(phase(25, 25, 80), phase(30, 29.8, 120), phase(40, 31, 2500))));

  @Test
  void the_highest_rate_held_is_a_share_of_the_store_alone_with_eighty_percent_the_bar() {
    assertThat(check(SUSTAINED, 37.0))
        .containsEntry(
            "sustained rate >= 80% of the store alone (its replay of the services' commands)",
            true);
    TargetCheck below =
        Targets.check(SUSTAINED, alone(100.0)).stream()
            .filter(target -> target.target().startsWith("sustained rate >= 80%"))
            .findFirst()
            .orElseThrow();
    assertThat(below.met()).isFalse();
    assertThat(below.detail())
        .isEqualTo("29.8 routed/s at 30/s: 30% of the store alone's 100.0 tickets/s");
  }

  @Test
  void without_a_replay_or_a_ceiling_there_is_no_share_to_check() {
    assertThat(check(SUSTAINED, null))
        .doesNotContainKey(
            "sustained rate >= 80% of the store alone (its replay of the services' commands)");
    assertThat(Targets.check(SUSTAINED, null))
        .noneMatch(target -> target.target().startsWith("sustained rate >= 80%"));
  }

  private static Map<String, Boolean> check(List<RoundResult> rounds, Double ceiling) {
    return Targets.check(rounds, alone(ceiling)).stream()
        .collect(Collectors.toMap(TargetCheck::target, TargetCheck::met, (a, b) -> a));
  }

  private static StoreBaselineResult alone(Double ticketsPerSecond) {
    return new StoreBaselineResult(
        new StoreReplayResult(
            "r.bson",
            "Sustained: intake at 25/s",
            60,
            30_000,
            1_500,
            Map.of("total", 20.0),
            Map.of(),
            0,
            0,
            4,
            10,
            3_000,
            ticketsPerSecond,
            null,
            null,
            null,
            Map.of(),
            Map.of(),
            0),
        null,
        null);
  }

  private static PhaseResult phase(int rate, double routedPerSecond, double p99) {
    long tickets = rate * 60L;
    return new PhaseResult(
        "intake at " + rate + "/s",
        Sustained.KIND,
        rate + " requests/s for 60 s, open loop",
        60,
        2,
        true,
        new Traffic(tickets, tickets, Map.of(), rate, 0, null),
        new Tickets(
            tickets,
            tickets,
            routedPerSecond,
            tickets,
            routedPerSecond,
            0,
            0,
            new LatencySummary(tickets, 40, p99, p99, p99)),
        new Backlog(Map.of(), Map.of(), Map.of()),
        new Cost(tickets, Map.of(), Map.of(), Map.of(), Map.of(), Map.of("total", 24.0), 35.0),
        new Ratios(0.001, 0.001, 20.0, 30.0, 40.0));
  }
}
