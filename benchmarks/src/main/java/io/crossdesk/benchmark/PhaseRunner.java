package io.crossdesk.benchmark;

import io.crossdesk.benchmark.load.LoadOutcome;
import io.crossdesk.benchmark.observe.EventTracker;
import io.crossdesk.benchmark.observe.PhaseObservation;
import io.crossdesk.benchmark.observe.Sampler;
import io.crossdesk.benchmark.observe.TicketOutcomes;
import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.PhaseResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Runs a load, waits (bounded) for its tickets to be routed, and works out the figures. */
final class PhaseRunner {

  private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

  private final EventTracker tracker;
  private final Sampler sampler;
  private final BaselineResult kafkaAlone;
  private final PrintStream progress;

  PhaseRunner(
      EventTracker tracker, Sampler sampler, BaselineResult kafkaAlone, PrintStream progress) {
    this.tracker = tracker;
    this.sampler = sampler;
    this.kafkaAlone = kafkaAlone;
    this.progress = progress;
  }

  /** {@code stage}: the round it belongs to, or the fill, for the progress line. */
  PhaseRun run(String stage, PhaseSpec spec) {
    progress.printf("[bench] %s, %s: %s ...%n", stage, spec.name(), spec.description());
    sampler.begin();
    long routedBefore = tracker.routedTotal();
    Instant start = Instant.now();
    LoadOutcome outcome = spec.load().get();
    Instant loadEnd = Instant.now();
    Instant deadline =
        spec.limit() != null ? start.plus(spec.limit()) : loadEnd.plus(spec.drainTimeout());
    TicketOutcomes tickets = awaitRouted(outcome.ticketIds(), outcome.externalIds(), deadline);
    Instant end = Instant.now();
    PhaseObservation observed = sampler.end();
    long routedDuringPhase = tracker.routedTotal() - routedBefore;
    PhaseResult result =
        new PhaseFigures(spec, outcome, tickets, observed, routedDuringPhase, kafkaAlone)
            .result(start, loadEnd, end);
    progress.printf(
        "[bench]   %d sent, %d accepted, %d errors; %d opened, %d routed (%.1f/s), p99 %.0f ms,"
            + " %d unrouted%n",
        outcome.requests(),
        outcome.accepted(),
        outcome.errorCount(),
        tickets.opened(),
        tickets.routed(),
        result.tickets().routedPerSecond(),
        result.tickets().openToRouted().p99(),
        tickets.notOpened() + tickets.unrouted());
    return new PhaseRun(result, outcome.ticketIds(), outcome.externalIds());
  }

  /** Waits until every expected ticket is opened and routed, or the deadline passes. */
  TicketOutcomes awaitRouted(List<String> ticketIds, List<String> externalIds, Instant deadline) {
    while (true) {
      TicketOutcomes outcomes = tracker.outcomes(ticketIds, externalIds);
      if (outcomes.complete() || !Instant.now().isBefore(deadline)) {
        return outcomes;
      }
      try {
        Thread.sleep(CHECK_INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcomes;
      }
    }
  }

  /** A phase's figures and the tickets it asked for, kept for the count check at the end. */
  record PhaseRun(PhaseResult result, List<String> ticketIds, List<String> externalIds) {}
}
