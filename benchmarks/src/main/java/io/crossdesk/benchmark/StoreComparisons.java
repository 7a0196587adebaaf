package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreComparison;
import io.crossdesk.benchmark.result.StoreReplayResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Every phase against the store alone: routed/s as a share of the tickets/s the store allows for
 * the services' recorded commands, and the store's CPU and the services' commands per ticket end to
 * end against the replay's.
 */
final class StoreComparisons {

  /** The component name of the store process in the pid files. */
  static final String STORE = "mongo";

  private StoreComparisons() {}

  static List<StoreComparison> of(
      StoreBaselineResult alone, List<RoundResult> rounds, PhaseResult fill) {
    List<StoreComparison> rows = new ArrayList<>();
    if (alone == null || alone.replay() == null) {
      return rows;
    }
    for (RoundResult round : rounds) {
      round.phases().forEach(phase -> rows.add(row(alone.replay(), round.name(), phase)));
    }
    if (fill != null) {
      rows.add(row(alone.replay(), "Fill", fill));
    }
    return rows;
  }

  private static StoreComparison row(StoreReplayResult alone, String round, PhaseResult phase) {
    double routed = phase.tickets().routedPerSecond();
    long tickets = phase.cost().routedDuringPhase();
    Double storeCpu = phase.cost().cpuSeconds().get(STORE);
    Double cpuPerTicket = storeCpu == null || tickets == 0 ? null : storeCpu * 1000 / tickets;
    Double commands = phase.cost().storeOpsPerTicket().get("total");
    Double aloneCommands = alone.commandsPerTicket().get("total");
    return new StoreComparison(
        round,
        phase.name(),
        phase.kind(),
        routed,
        share(routed, alone),
        cpuPerTicket,
        ratio(cpuPerTicket, alone.storeCpuMillisPerTicket()),
        commands,
        ratio(commands, aloneCommands));
  }

  /** Routed/s over the store alone's tickets/s; null when the replay has no ceiling in tickets. */
  static Double share(double routedPerSecond, StoreReplayResult alone) {
    Double ceiling = alone.ticketsPerSecond();
    return ceiling == null || ceiling <= 0 ? null : Ratios.of(routedPerSecond, ceiling);
  }

  private static Double ratio(Double value, Double base) {
    return value == null || base == null || base == 0 ? null : Ratios.of(value, base);
  }
}
