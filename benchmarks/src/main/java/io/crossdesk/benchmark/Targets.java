package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.benchmark.result.TargetCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * The latency target: at half the sustained intake rate, 99% of tickets routed within 250 ms of
 * being opened. A ticket not routed by the end of its phase misses it.
 */
final class Targets {

  static final double P99_TARGET_MS = 250;

  private Targets() {}

  /** The cost-per-ticket issue's targets for the sustained mode. */
  static final double SUSTAINED_RATE_TARGET = 300;

  static final double CPU_MS_TARGET = 6;
  static final double COMMANDS_TARGET = 12;
  static final int LATENCY_TARGET_RATE = 150;

  /** The share of the store alone the chain is asked to reach. */
  static final double STORE_SHARE_TARGET = 0.8;

  static List<TargetCheck> check(List<RoundResult> rounds, StoreBaselineResult storeAlone) {
    List<TargetCheck> checks = new ArrayList<>();
    StoreReplayResult replay = storeAlone == null ? null : storeAlone.replay();
    rounds.stream()
        .filter(round -> round.name().equals(Sustained.ROUND))
        .forEach(round -> checks.addAll(sustained(round, replay)));
    for (RoundResult round : rounds) {
      round.phases().stream()
          .filter(phase -> phase.kind().equals("intake-half"))
          .forEach(phase -> checks.add(check(round, phase)));
    }
    return checks;
  }

  /**
   * The highest rate held, what a ticket cost there, and the latency at 150/s when the run got that
   * far.
   */
  private static List<TargetCheck> sustained(RoundResult round, StoreReplayResult replay) {
    List<TargetCheck> checks = new ArrayList<>();
    PhaseResult best = null;
    for (PhaseResult phase : round.phases()) {
      if (Sustained.held(phase)) {
        best = phase;
      }
      if (phase.load().startsWith(LATENCY_TARGET_RATE + " requests/s")) {
        checks.add(check(round, phase));
      }
    }
    if (best == null) {
      checks.add(new TargetCheck("sustained intake >= 300 tickets/s", false, "no rate held"));
      return checks;
    }
    double rate = best.traffic().sentPerSecond();
    double cpu = best.cost().cpuMillisPerTicket();
    double commands = best.cost().storeOpsPerTicket().getOrDefault("total", 0.0);
    checks.add(
        new TargetCheck(
            "sustained intake >= 300 tickets/s (routed as fast as sent, p99 < 1 s)",
            rate >= SUSTAINED_RATE_TARGET,
            "highest rate held: %.0f/s, p99 %.0f ms"
                .formatted(rate, best.tickets().openToRouted().p99())));
    checks.add(
        new TargetCheck(
            "CPU per ticket routed, all processes but the load generator, <= 6 ms",
            cpu <= CPU_MS_TARGET,
            "%.1f ms at %.0f/s".formatted(cpu, rate)));
    checks.add(
        new TargetCheck(
            "store commands per ticket <= 12",
            commands <= COMMANDS_TARGET,
            "%.1f at %.0f/s".formatted(commands, rate)));
    Double share =
        replay == null ? null : StoreComparisons.share(best.tickets().routedPerSecond(), replay);
    if (share != null) {
      checks.add(
          new TargetCheck(
              "sustained rate >= 80% of the store alone (its replay of the services' commands)",
              share >= STORE_SHARE_TARGET,
              "%.1f routed/s at %.0f/s: %.0f%% of the store alone's %.1f tickets/s"
                  .formatted(
                      best.tickets().routedPerSecond(),
                      rate,
                      share * 100,
                      replay.ticketsPerSecond())));
    }
    return checks;
  }

  private static TargetCheck check(RoundResult round, PhaseResult phase) {
    var tickets = phase.tickets();
    long late = tickets.notOpened() + tickets.unrouted();
    double p99 = tickets.openToRouted().p99();
    boolean met = late == 0 && tickets.routed() > 0 && p99 <= P99_TARGET_MS;
    return new TargetCheck(
        round.name() + ": p99 open-to-routed <= 250 ms at " + phase.load(),
        met,
        tickets.routed() == 0
            ? "none routed by the phase's end"
            : "p99 %.0f ms over %d routed; %d not routed by the phase's end"
                .formatted(p99, tickets.routed(), late));
  }
}
