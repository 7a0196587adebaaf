package io.crossdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.benchmark.result.Backlog;
import io.crossdesk.benchmark.result.Cost;
import io.crossdesk.benchmark.result.LatencySummary;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import io.crossdesk.benchmark.result.StoreComparison;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.benchmark.result.Tickets;
import io.crossdesk.benchmark.result.Traffic;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StoreComparisonsTest {

  private static final StoreBaselineResult ALONE =
      new StoreBaselineResult(
          new StoreReplayResult(
              "recording.bson",
              "Sustained: intake at 25/s",
              60,
              16_000,
              1_000,
              Map.of("insert", 8.0, "total", 16.0),
              Map.of(),
              10,
              100,
              4,
              5,
              3_200,
              200.0,
              5.0,
              5.0,
              5.0 / 16,
              Map.of(),
              Map.of(),
              0),
          new RawLeg(4, 1, 812, 20000, 10, 2000, 0.4),
          new RawLeg(1, 200, 812, 40000, 10, 4000, 0.2));

  @Test
  void a_phase_is_a_share_of_the_store_alone_and_its_store_cost_a_multiple_of_the_replays() {
    List<StoreComparison> rows =
        StoreComparisons.of(
            ALONE,
            List.of(new RoundResult("Round 1", 0, 1000, List.of(phase(70, 1000, 8.0)))),
            null);

    assertThat(rows).hasSize(1);
    StoreComparison row = rows.get(0);
    assertThat(row.round()).isEqualTo("Round 1");
    assertThat(row.shareOfStoreAlone()).isCloseTo(0.35, Offset.offset(1e-9));
    // 8 CPU seconds of the store over 1,000 tickets: 8 ms each, 1.6 times the replay's 5 ms;
    // 15 commands per ticket against the recording's 16.
    assertThat(row.storeCpuMillisPerTicket()).isCloseTo(8.0, Offset.offset(1e-9));
    assertThat(row.storeCpuRatio()).isCloseTo(1.6, Offset.offset(1e-9));
    assertThat(row.commandsRatio()).isCloseTo(15.0 / 16.0, Offset.offset(1e-9));
  }

  @Test
  void a_replay_with_no_tickets_in_its_recording_gives_no_share() {
    StoreReplayResult noTickets =
        new StoreReplayResult(
            "r.bson", null, 1, 10, 0, Map.of(), Map.of(), 0, 0, 1, 1, 10, null, null, null, null,
            Map.of(), Map.of(), 0);

    assertThat(StoreComparisons.share(70, noTickets)).isNull();
    assertThat(StoreComparisons.share(70, ALONE.replay())).isCloseTo(0.35, Offset.offset(1e-9));
  }

  @Test
  void without_the_store_alone_or_the_stores_pid_there_is_nothing_or_no_cpu_to_compare() {
    assertThat(StoreComparisons.of(null, List.of(), null)).isEmpty();

    StoreComparison row =
        StoreComparisons.of(
                ALONE,
                List.of(new RoundResult("Round 1", 0, 10, List.of(phase(5, 10, null)))),
                null)
            .get(0);
    assertThat(row.storeCpuMillisPerTicket()).isNull();
    assertThat(row.storeCpuRatio()).isNull();
  }

  private static PhaseResult phase(double routedPerSecond, long routed, Double storeCpu) {
    Map<String, Double> cpu =
        storeCpu == null ? Map.of("ticket-service", 3.0) : Map.of("mongo", storeCpu);
    return new PhaseResult(
        "intake at 100/s",
        "intake",
        "100 requests/s, open loop",
        10,
        2,
        true,
        new Traffic(routed, routed, Map.of(), 100, 0, null),
        new Tickets(
            routed,
            routed,
            routedPerSecond,
            routed,
            routedPerSecond,
            0,
            0,
            new LatencySummary(routed, 100, 300, 400, 400)),
        new Backlog(Map.of(), Map.of(), Map.of()),
        new Cost(routed, cpu, Map.of(), Map.of(), Map.of(), Map.of("total", 15.0), 20.0),
        new Ratios(0.001, 0.001, 20.0, 30.0, 40.0));
  }
}
