package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * Every phase against the store alone: routed/s as a share of the tickets/s the store allows for
 * the same operations, and the store's CPU and commands per ticket end to end against the replay's.
 */
final class StoreComparisons {

  /** The component name of the store process in the pid files. */
  static final String STORE = "mongo";

  private StoreComparisons() {}

  static List<StoreComparison> of(
      StoreBaselineResult alone, List<RoundResult> rounds, PhaseResult fill) {
    List<StoreComparison> rows = new ArrayList<>();
    if (alone == null) {
      return rows;
    }
    for (RoundResult round : rounds) {
      round.phases().forEach(phase -> rows.add(row(alone, round.name(), phase)));
    }
    if (fill != null) {
      rows.add(row(alone, "Fill", fill));
    }
    return rows;
  }

  private static StoreComparison row(StoreBaselineResult alone, String round, PhaseResult phase) {
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
        alone.ticketsPerSecond() > 0 ? Ratios.of(routed, alone.ticketsPerSecond()) : null,
        cpuPerTicket,
        ratio(cpuPerTicket, alone.storeCpuMillisPerTicket()),
        commands,
        ratio(commands, aloneCommands));
  }

  private static Double ratio(Double value, Double base) {
    return value == null || base == null || base == 0 ? null : Ratios.of(value, base);
  }
}
