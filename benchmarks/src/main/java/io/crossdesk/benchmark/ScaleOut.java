package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The scale-out mode's names, its choice of service and its one-line verdict. */
final class ScaleOut {

  static final String KIND = "scale-out";
  static final String ONE = "Scale-out: one instance of each service";
  static final String TWO_PREFIX = "Scale-out: two instances of ";

  /**
   * The services on the path from a request to its routing, whose work the routed rate and the
   * open-to-routed latency measure: the ones worth comparing with one and two instances.
   */
  private static final Set<String> ROUTING_PATH = Set.of("ticket-service", "workorder-service");

  private ScaleOut() {}

  static String twoOf(String service) {
    return TWO_PREFIX + service;
  }

  /** The routing path's service that used the most CPU in the phase. */
  static String busiest(PhaseResult phase, Set<String> running) {
    return phase.cost().cpuSeconds().entrySet().stream()
        .filter(e -> running.contains(e.getKey()) && ROUTING_PATH.contains(e.getKey()))
        .max(Comparator.comparingDouble(Map.Entry::getValue))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new IllegalStateException("no service's CPU was measured"));
  }

  static String summary(String service, PhaseResult one, PhaseResult two) {
    double ratio =
        one.tickets().routedPerSecond() == 0
            ? 0
            : two.tickets().routedPerSecond() / one.tickets().routedPerSecond();
    return String.format(
        Locale.ROOT,
        "scale-out of %s: %.1f routed/s with one instance, %.1f with two (%.2fx);"
            + " open-to-routed p99 %.0f ms, then %.0f ms",
        service,
        one.tickets().routedPerSecond(),
        two.tickets().routedPerSecond(),
        ratio,
        one.tickets().openToRouted().p99(),
        two.tickets().openToRouted().p99());
  }
}
