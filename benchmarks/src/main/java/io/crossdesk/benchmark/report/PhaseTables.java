package io.crossdesk.benchmark.report;

import static io.crossdesk.benchmark.report.MarkdownReport.errors;
import static io.crossdesk.benchmark.report.Numbers.count;
import static io.crossdesk.benchmark.report.Numbers.of;
import static io.crossdesk.benchmark.report.Numbers.ratio;

import io.crossdesk.benchmark.result.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The tables of a round (or of the fill): one column or row per phase. */
final class PhaseTables {

  private final List<PhaseResult> phases;
  private final StringBuilder out = new StringBuilder();

  private PhaseTables(List<PhaseResult> phases) {
    this.phases = phases;
  }

  static String render(List<PhaseResult> phases) {
    return new PhaseTables(phases).render();
  }

  private String render() {
    Table traffic =
        new Table(
            "phase",
            "load",
            "sent/s",
            "accepted",
            "errors",
            "opened/s",
            "routed/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "not routed");
    Table ratios = new Table("phase", "opened/s", "routed/s", "p50", "p99", "p99.9");
    for (PhaseResult phase : phases) {
      var t = phase.tickets();
      traffic.row(
          phase.name(),
          phase.load(),
          of(phase.traffic().sentPerSecond()),
          count(phase.traffic().accepted()),
          errors(phase.traffic().errors()),
          of(t.openedPerSecond()),
          of(t.routedPerSecond()),
          of(t.openToRouted().p50()),
          of(t.openToRouted().p99()),
          of(t.openToRouted().p999()),
          count(t.notOpened() + t.unrouted()));
      var k = phase.toKafka();
      ratios.row(
          phase.name(),
          ratio(k.openedPerSecond()),
          ratio(k.routedPerSecond()),
          ratio(k.p50()),
          ratio(k.p99()),
          ratio(k.p999()));
    }
    out.append(traffic.render()).append('\n');
    responseTimes();
    out.append("As a ratio to Kafka alone (throughput: share of the broker's records/s;");
    out.append(" latency: multiple of its latency):\n\n");
    out.append(ratios.render()).append('\n');
    backlog();
    processes();
    storeOps();
    return out.toString();
  }

  private void responseTimes() {
    Table table = new Table("phase", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    for (PhaseResult phase : phases) {
      var r = phase.traffic().responseTime();
      if (r != null) {
        table.row(phase.name(), of(r.p50()), of(r.p99()), of(r.p999()), of(r.max()));
      }
    }
    if (!table.isEmpty()) {
      out.append("REST response times (all answers, errors included):\n\n");
      out.append(table.render()).append('\n');
    }
  }

  private void backlog() {
    TreeSet<String> services = new TreeSet<>();
    phases.forEach(p -> services.addAll(p.backlog().max().keySet()));
    List<String> header = new ArrayList<>(List.of("phase"));
    services.forEach(s -> header.add(s + " start / max / final"));
    Table table = new Table(header.toArray(String[]::new));
    for (PhaseResult phase : phases) {
      List<Object> row = new ArrayList<>(List.of(phase.name()));
      for (String service : services) {
        row.add(
            "%s / %s / %s"
                .formatted(
                    of(phase.backlog().atStart().get(service)),
                    of(phase.backlog().max().get(service)),
                    of(phase.backlog().last().get(service))));
      }
      table.row(row.toArray());
    }
    out.append("Outbox backlog (documents with unpublished events):\n\n");
    out.append(table.render()).append('\n');
  }

  private void processes() {
    TreeSet<String> components = new TreeSet<>();
    phases.forEach(p -> components.addAll(p.cost().cpuSeconds().keySet()));
    List<String> header = new ArrayList<>(List.of("component"));
    phases.forEach(p -> header.add(p.name()));
    Table table = new Table(header.toArray(String[]::new));
    for (String component : components) {
      List<Object> row = new ArrayList<>(List.of(component));
      for (PhaseResult phase : phases) {
        row.add(
            of(phase.cost().cpuSeconds().get(component))
                + " / "
                + of(phase.cost().peakRssMb().get(component)));
      }
      table.row(row.toArray());
    }
    List<Object> perTicket = new ArrayList<>(List.of("system CPU ms per ticket routed"));
    phases.forEach(p -> perTicket.add(of(p.cost().cpuMillisPerTicket())));
    table.row(perTicket.toArray());
    out.append("CPU seconds / peak resident memory in MB, per process:\n\n");
    out.append(table.render()).append('\n');
    Table perProcess = new Table(header.toArray(String[]::new));
    for (String component : components) {
      List<Object> row = new ArrayList<>(List.of(component));
      for (PhaseResult phase : phases) {
        Double seconds = phase.cost().cpuSeconds().get(component);
        long routed = phase.cost().routedDuringPhase();
        row.add(seconds == null || routed == 0 ? "" : of(seconds * 1000 / routed));
      }
      perProcess.row(row.toArray());
    }
    out.append("CPU ms per ticket routed during the phase, per process:\n\n");
    out.append(perProcess.render()).append('\n');
  }

  private void storeOps() {
    TreeSet<String> commands = new TreeSet<>();
    phases.forEach(p -> commands.addAll(p.cost().storeOpsPerTicket().keySet()));
    commands.remove("total");
    List<String> header = new ArrayList<>(List.of("command"));
    phases.forEach(p -> header.add(p.name()));
    Table table = new Table(header.toArray(String[]::new));
    for (String command : commands) {
      List<Object> row = new ArrayList<>(List.of(command));
      phases.forEach(p -> row.add(of(p.cost().storeOpsPerTicket().get(command))));
      table.row(row.toArray());
    }
    List<Object> total = new ArrayList<>(List.of("**total**"));
    phases.forEach(p -> total.add(of(p.cost().storeOpsPerTicket().get("total"))));
    table.row(total.toArray());
    List<Object> routed = new ArrayList<>(List.of("tickets routed during the phase"));
    phases.forEach(p -> routed.add(count(p.cost().routedDuringPhase())));
    table.row(routed.toArray());
    out.append(
        "MongoDB commands per ticket routed during the phase (any ticket), all services:\n\n");
    out.append(table.render()).append('\n');
    TreeSet<String> services = new TreeSet<>();
    phases.forEach(p -> services.addAll(p.cost().storeCommandsByService().keySet()));
    List<String> serviceHeader = new ArrayList<>(List.of("service"));
    phases.forEach(p -> serviceHeader.add(p.name()));
    Table byService = new Table(serviceHeader.toArray(String[]::new));
    for (String service : services) {
      List<Object> row = new ArrayList<>(List.of(service));
      for (PhaseResult phase : phases) {
        Map<String, Long> counts = phase.cost().storeCommandsByService().get(service);
        long ticketsRouted = phase.cost().routedDuringPhase();
        row.add(
            counts == null || ticketsRouted == 0
                ? ""
                : of(
                    counts.values().stream().mapToLong(Long::longValue).sum()
                        / (double) ticketsRouted));
      }
      byService.row(row.toArray());
    }
    out.append("MongoDB commands per ticket routed during the phase, per service:\n\n");
    out.append(byService.render()).append('\n');
  }
}
