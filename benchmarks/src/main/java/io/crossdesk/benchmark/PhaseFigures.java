package io.crossdesk.benchmark;

import io.crossdesk.benchmark.load.LoadOutcome;
import io.crossdesk.benchmark.observe.PhaseObservation;
import io.crossdesk.benchmark.observe.TicketOutcomes;
import io.crossdesk.benchmark.result.Backlog;
import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.Cost;
import io.crossdesk.benchmark.result.LatencySummary;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.Tickets;
import io.crossdesk.benchmark.result.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Turns what a phase sent and observed into its figures. */
record PhaseFigures(
    PhaseSpec spec,
    LoadOutcome outcome,
    TicketOutcomes tickets,
    PhaseObservation observed,
    long routedDuringPhase,
    BaselineResult kafkaAlone) {

  /** The process the benchmark itself runs in: its cost is not the system's. */
  static final String LOAD_GENERATOR = "load-generator";

  PhaseResult result(Instant start, Instant loadEnd, Instant end) {
    double loadSeconds = seconds(start, loadEnd);
    Tickets ticketFigures =
        new Tickets(
            tickets.expected(),
            tickets.opened(),
            perSecond(tickets.opened(), start, tickets.lastOpened()),
            tickets.routed(),
            perSecond(tickets.routed(), start, tickets.lastRouted()),
            tickets.notOpened(),
            tickets.unrouted(),
            LatencySummary.of(tickets.latency(), 1));
    return new PhaseResult(
        spec.name(),
        spec.kind(),
        spec.description(),
        loadSeconds,
        seconds(loadEnd, end),
        tickets.complete(),
        new Traffic(
            outcome.requests(),
            outcome.accepted(),
            outcome.errors(),
            outcome.requests() / Math.max(loadSeconds, 0.001),
            outcome.behindSchedule().toNanos() / 1e6,
            outcome.requestLatency() == null
                ? null
                : LatencySummary.of(outcome.requestLatency(), 1000)),
        ticketFigures,
        new Backlog(observed.outboxAtStart(), observed.outboxMax(), observed.outboxFinal()),
        cost(),
        ratios(ticketFigures));
  }

  private Cost cost() {
    Map<String, Long> commands = new TreeMap<>();
    observed
        .storeCommands()
        .values()
        .forEach(byCommand -> byCommand.forEach((c, n) -> commands.merge(c, n, Long::sum)));
    long routed = routedDuringPhase;
    Map<String, Double> perTicket = new TreeMap<>();
    if (routed > 0) {
      commands.forEach((command, n) -> perTicket.put(command, (double) n / routed));
      perTicket.put(
          "total", commands.values().stream().mapToLong(Long::longValue).sum() / (double) routed);
    }
    double systemCpu =
        observed.cpuSeconds().entrySet().stream()
            .filter(e -> !e.getKey().equals(LOAD_GENERATOR))
            .map(Map.Entry::getValue)
            .reduce(0.0, Double::sum);
    Map<String, Double> rssMb = new TreeMap<>();
    observed.peakRssKib().forEach((name, kib) -> rssMb.put(name, kib / 1024.0));
    return new Cost(
        routed,
        observed.cpuSeconds(),
        rssMb,
        commands,
        observed.storeCommands(),
        perTicket,
        routed > 0 ? systemCpu * 1000 / routed : null);
  }

  private Ratios ratios(Tickets figures) {
    LatencySummary kafka = kafkaAlone.latency();
    LatencySummary latency = figures.openToRouted();
    return new Ratios(
        Ratios.of(figures.openedPerSecond(), kafkaAlone.consumedPerSecond()),
        Ratios.of(figures.routedPerSecond(), kafkaAlone.consumedPerSecond()),
        latency.count() == 0 ? null : Ratios.of(latency.p50(), kafka.p50()),
        latency.count() == 0 ? null : Ratios.of(latency.p99(), kafka.p99()),
        latency.count() == 0 ? null : Ratios.of(latency.p999(), kafka.p999()));
  }

  /** Events per second from the phase's start to the last event's own time. */
  private static double perSecond(long count, Instant start, Instant last) {
    if (count == 0 || last == null) {
      return 0;
    }
    return count / Math.max(seconds(start, last), 0.001);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
