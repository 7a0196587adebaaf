package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.PhaseResult;

/**
 * When a rate counts as sustained: every ticket of the phase opened and routed by the end of its
 * drain, routed as fast as requests were sent (within 5%), and 99% of them routed within a second
 * of being opened.
 */
final class Sustained {

  static final String WARM_UP = "Warm-up";
  static final String ROUND = "Sustained";
  static final String KIND = "sustained";
  static final double P99_LIMIT_MS = 1000;

  private Sustained() {}

  static boolean held(PhaseResult phase) {
    var tickets = phase.tickets();
    return tickets.notOpened() + tickets.unrouted() == 0
        && tickets.routed() > 0
        && tickets.openToRouted().p99() < P99_LIMIT_MS
        && tickets.routedPerSecond() >= 0.95 * phase.traffic().sentPerSecond();
  }
}
