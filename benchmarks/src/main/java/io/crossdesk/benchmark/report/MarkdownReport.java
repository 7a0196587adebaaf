package io.crossdesk.benchmark.report;

import static io.crossdesk.benchmark.report.Numbers.count;
import static io.crossdesk.benchmark.report.Numbers.of;
import static io.crossdesk.benchmark.report.Numbers.ratio;

import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.BenchmarkResult;
import io.crossdesk.benchmark.result.CountCheck;
import io.crossdesk.benchmark.result.GrowthRow;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.TargetCheck;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human summary of a run: what docs/performance.md explains, table by table. */
public final class MarkdownReport {

  /** As the benchmark names the scale-out mode's phases and round. */
  private static final String SCALE_OUT_KIND = "scale-out";

  private static final String SCALE_OUT_TWO = "Scale-out: two instances of ";

  private final BenchmarkResult result;
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport(BenchmarkResult result) {
    this.result = result;
  }

  public static String render(BenchmarkResult result) {
    return new MarkdownReport(result).build();
  }

  private String build() {
    Map<String, String> machine = result.machine();
    out.append("# Crossdesk benchmark ").append(result.runId()).append("\n\n");
    out.append("Started ").append(result.startedAt()).append(", finished ");
    out.append(result.finishedAt()).append(". Machine: ").append(machine.get("cores"));
    out.append(" cores, ").append(machine.get("os")).append(", ").append(machine.get("java"));
    out.append("; load average ")
        .append(machine.get("loadAverageAtStart"))
        .append(" at the start, ");
    out.append(machine.get("loadAverageAtEnd")).append(" at the end");
    out.append(".\nOptions: ").append(options()).append(".\n\n");
    boolean storeOnly = "store-only".equals(result.options().get("mode"));
    if (result.countCheck() == null && !storeOnly) {
      out.append("**Stopped before the end**: the phases it finished, no count check.\n\n");
    }
    if (result.kafkaAlone() != null) {
      kafkaAlone(result.kafkaAlone());
    }
    for (RoundResult round : result.rounds()) {
      round(round);
    }
    if (result.fill() != null) {
      fill();
    }
    if (result.storeAlone() != null && result.storeAlone().replay() != null) {
      out.append(StoreTables.storeAlone(result.storeAlone()));
    }
    if (result.storeAlone() != null
        && result.storeComparison() != null
        && !result.storeComparison().isEmpty()) {
      out.append(StoreTables.comparison(result.storeAlone(), result.storeComparison()));
    }
    scaleOut();
    growth();
    if (!result.targets().isEmpty()) {
      targets();
    }
    if (result.countCheck() != null) {
      countCheck(result.countCheck());
    }
    return out.toString();
  }

  private String options() {
    return result.options().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private void kafkaAlone(BaselineResult kafka) {
    out.append("## Kafka alone\n\n");
    out.append("Records of ").append(kafka.messageBytes()).append(" bytes (an intake request),");
    out.append(" acks=all, one producer and one consumer, 3 partitions.\n\n");
    out.append(
        new Table("figure", "value")
            .row("produced, as fast as possible", of(kafka.producedPerSecond()) + " records/s")
            .row("consumed, same leg", of(kafka.consumedPerSecond()) + " records/s")
            .row(
                "produce-to-consume latency at " + kafka.latencyRate() + "/s",
                "p50 %s ms, p99 %s ms, p99.9 %s ms"
                    .formatted(
                        of(kafka.latency().p50()),
                        of(kafka.latency().p99()),
                        of(kafka.latency().p999())))
            .render());
    out.append('\n');
  }

  private void round(RoundResult round) {
    out.append("## ").append(round.name()).append("\n\n");
    out.append("Tickets in the store: ").append(count(round.ticketsInStoreAtStart()));
    out.append(" at the start, ");
    out.append(round.ticketsInStoreAtEnd() < 0 ? "n/a" : count(round.ticketsInStoreAtEnd()));
    out.append(" at the end.\n\n");
    phases(round.phases());
  }

  /** The scale-out mode's verdict: the same intake with one and with two instances. */
  private void scaleOut() {
    PhaseResult one = null;
    PhaseResult two = null;
    String service = null;
    for (RoundResult round : result.rounds()) {
      for (PhaseResult phase : round.phases()) {
        if (!SCALE_OUT_KIND.equals(phase.kind())) {
          continue;
        }
        if (round.name().startsWith(SCALE_OUT_TWO)) {
          two = phase;
          service = round.name().substring(SCALE_OUT_TWO.length());
        } else {
          one = phase;
        }
      }
    }
    if (one == null || two == null) {
      return;
    }
    out.append("## Scale-out: ").append(service).append("\n\n");
    out.append("The same open-loop intake, first with one instance of every service, then with a")
        .append(" second instance of ")
        .append(service)
        .append(" (its CPU below is both instances').\n\n");
    String replica = service + "-2";
    Table table =
        new Table(
            "instances of " + service,
            "sent/s",
            "routed/s",
            "open-to-routed p99 ms",
            service + " CPU s",
            "all processes CPU s");
    for (PhaseResult phase : List.of(one, two)) {
      Map<String, Double> cpu = phase.cost().cpuSeconds();
      table.row(
          phase == one ? "1" : "2",
          of(phase.traffic().sentPerSecond()),
          of(phase.tickets().routedPerSecond()),
          of(phase.tickets().openToRouted().p99()),
          of(cpu.getOrDefault(service, 0.0) + cpu.getOrDefault(replica, 0.0)),
          of(cpu.values().stream().mapToDouble(Double::doubleValue).sum()));
    }
    out.append(table.render());
    out.append("\nRatio, two instances to one: routed/s ")
        .append(ratio(two.tickets().routedPerSecond() / one.tickets().routedPerSecond()))
        .append(", p99 ")
        .append(ratio(two.tickets().openToRouted().p99() / one.tickets().openToRouted().p99()))
        .append(".\n\n");
  }

  private void fill() {
    PhaseResult fill = result.fill();
    out.append("## Fill\n\n");
    out.append("Target ").append(count(result.fillTarget())).append(" tickets through intake; ");
    out.append(count(fill.traffic().requests())).append(" sent, ");
    out.append(count(fill.tickets().routed())).append(" routed in ");
    out.append(of(fill.loadSeconds() + fill.drainSeconds())).append(" s");
    out.append(fill.drained() ? ".\n\n" : " (limit reached before all were routed).\n\n");
    phases(List.of(fill));
  }

  private void phases(List<PhaseResult> phases) {
    out.append(PhaseTables.render(phases));
  }

  private void growth() {
    if (result.growth().isEmpty()) {
      return;
    }
    out.append("## How cost grew with the data (round 2 ÷ round 1)\n\n");
    RoundResult first = result.rounds().get(0);
    RoundResult second = result.rounds().get(1);
    out.append("Store: ").append(count(first.ticketsInStoreAtStart())).append(" → ");
    out.append(count(second.ticketsInStoreAtStart())).append(" tickets at the rounds' starts.\n\n");
    Table table =
        new Table(
            "phase",
            "opened/s",
            "routed/s",
            "p50",
            "p99",
            "p99.9",
            "store ops/ticket",
            "CPU ms/ticket");
    for (GrowthRow row : result.growth()) {
      table.row(
          row.kind(),
          ratio(row.openedPerSecond()),
          ratio(row.routedPerSecond()),
          ratio(row.p50()),
          ratio(row.p99()),
          ratio(row.p999()),
          ratio(row.storeOpsPerTicket()),
          ratio(row.cpuMillisPerTicket()));
    }
    out.append(table.render()).append('\n');
  }

  private void targets() {
    out.append("## Targets\n\n");
    for (TargetCheck target : result.targets()) {
      out.append("- ").append(target.met() ? "MET" : "NOT MET").append(": ");
      out.append(target.target()).append(" (").append(target.detail()).append(")\n");
    }
    out.append('\n');
  }

  private void countCheck(CountCheck check) {
    out.append("## Count check: ").append(check.passed() ? "PASSED" : "FAILED").append("\n\n");
    out.append(
        new Table("count", "tickets")
            .row("expected (accepted REST requests + intake requests)", count(check.expected()))
            .row("opened", count(check.opened()))
            .row("routed exactly once", count(check.routedExactlyOnce()))
            .row(
                "not opened by the end (lost, or still in intake or an outbox)",
                count(check.notOpened()))
            .row("opened, not routed by the end", count(check.unrouted()))
            .row("opened twice (two TicketOpened events)", count(check.openedTwice()))
            .row("routed twice (two work orders)", count(check.routedTwice()))
            .row("intake request opened two tickets", count(check.requestOpenedTwice()))
            .row(
                "redelivered events (same ce_id again), allowed",
                errors(check.duplicateDeliveries()))
            .render());
  }

  static String errors(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "0";
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ": " + count(e.getValue()))
        .collect(Collectors.joining(", "));
  }
}
