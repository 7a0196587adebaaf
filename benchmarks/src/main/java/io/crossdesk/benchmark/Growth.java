package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.GrowthRow;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import java.util.ArrayList;
import java.util.List;

/** Round 2 against round 1, phase by phase. */
final class Growth {

  private Growth() {}

  static List<GrowthRow> of(List<RoundResult> all) {
    List<GrowthRow> rows = new ArrayList<>();
    // The rounds proper: a phase the store recorded in a round of its own is not one of them.
    List<RoundResult> rounds =
        all.stream().filter(round -> round.name().startsWith("Round ")).toList();
    if (rounds.size() < 2) {
      return rows;
    }
    for (PhaseResult before : rounds.get(0).phases()) {
      rounds.get(1).phases().stream()
          .filter(after -> after.kind().equals(before.kind()))
          .findFirst()
          .ifPresent(after -> rows.add(row(before, after)));
    }
    return rows;
  }

  private static GrowthRow row(PhaseResult before, PhaseResult after) {
    var b = before.tickets();
    var a = after.tickets();
    // Latency exists only where tickets were routed in both rounds.
    boolean latency = a.openToRouted().count() > 0 && b.openToRouted().count() > 0;
    return new GrowthRow(
        before.kind(),
        Ratios.of(a.openedPerSecond(), b.openedPerSecond()),
        Ratios.of(a.routedPerSecond(), b.routedPerSecond()),
        latency ? Ratios.of(a.openToRouted().p50(), b.openToRouted().p50()) : null,
        latency ? Ratios.of(a.openToRouted().p99(), b.openToRouted().p99()) : null,
        latency ? Ratios.of(a.openToRouted().p999(), b.openToRouted().p999()) : null,
        ratio(
            after.cost().storeOpsPerTicket().get("total"),
            before.cost().storeOpsPerTicket().get("total")),
        ratio(after.cost().cpuMillisPerTicket(), before.cost().cpuMillisPerTicket()));
  }

  private static Double ratio(Double after, Double before) {
    return after == null || before == null ? null : Ratios.of(after, before);
  }
}
