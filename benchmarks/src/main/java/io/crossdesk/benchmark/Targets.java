package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.RoundResult;
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

  static List<TargetCheck> check(List<RoundResult> rounds) {
    List<TargetCheck> checks = new ArrayList<>();
    for (RoundResult round : rounds) {
      round.phases().stream()
          .filter(phase -> phase.kind().equals("intake-half"))
          .forEach(phase -> checks.add(check(round, phase)));
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
