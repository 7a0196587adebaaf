package io.crossdesk.benchmark.report;

import static io.crossdesk.benchmark.report.Numbers.count;
import static io.crossdesk.benchmark.report.Numbers.of;
import static io.crossdesk.benchmark.report.Numbers.ratio;

import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import io.crossdesk.benchmark.result.StoreComparison;
import io.crossdesk.benchmark.result.StoreReplayResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The store alone, and every phase end to end against it. */
final class StoreTables {

  /** The share of the store alone the issue asks the system to reach. */
  static final double BAR = 0.8;

  private StoreTables() {}

  static String storeAlone(StoreBaselineResult store) {
    StringBuilder out = new StringBuilder("## The store alone\n\n");
    StoreReplayResult replay = store.replay();
    out.append("The services' own commands, recorded by the store");
    if (replay.recordedDuring() != null) {
      out.append(" during ").append(replay.recordedDuring());
    }
    out.append(" (").append(count(replay.commands())).append(" commands over ");
    out.append(of(replay.recordedSeconds())).append(" s, ").append(count(replay.tickets()));
    out.append(" tickets), replayed into fresh databases on the same store by ");
    out.append(replay.threads()).append(" threads, each sending a contiguous part of the");
    out.append(" recording in order as fast as the store answers, after a setup of ");
    out.append(count(replay.setupCommands())).append(" commands (the collections, their indexes");
    out.append(" and the ").append(count(replay.setupDocuments()));
    out.append(" documents the store held when the recording started). Recording: `");
    out.append(replay.file()).append("`.\n\n");
    out.append(
        new Table("figure", "value")
            .row(
                "tickets/s the store allows for the services' commands",
                of(replay.ticketsPerSecond())
                    + " ("
                    + of(replay.commandsPerSecond())
                    + " commands/s ÷ "
                    + of(replay.commandsPerTicket().get("total"))
                    + " commands per ticket)")
            .row(
                "replay",
                count(replay.commands())
                    + " commands in "
                    + of(replay.seconds())
                    + " s, "
                    + replay.threads()
                    + " threads")
            .row(
                "store CPU",
                millis(replay.storeCpuMillisPerTicket())
                    + " per ticket, "
                    + millis(replay.storeCpuMillisPerCommand())
                    + " per command")
            .row(
                "MongoDB commands per ticket, as recorded",
                of(replay.commandsPerTicket().get("total")) + " (" + commands(replay) + ")")
            .row(
                "answered differently than when recorded",
                count(replay.answeredDifferentlyTotal())
                    + share(replay.answeredDifferentlyTotal(), replay.commands())
                    + counts(replay.answeredDifferently()))
            .row(
                "refused by the store (replay; setup)",
                count(replay.refusedTotal())
                    + counts(replay.refused())
                    + "; "
                    + count(replay.setupRefused()))
            .row(
                "not recorded (cursor continuations, handshake, monitoring)",
                replay.skippedWhileRecording().isEmpty()
                    ? "0"
                    : MarkdownReport.errors(replay.skippedWhileRecording()))
            .row(raw("single inserts", store.singleInserts()), rawValue(store.singleInserts()))
            .row(raw("bulk inserts", store.bulkInserts()), rawValue(store.bulkInserts()))
            .render());
    return out.append('\n').toString();
  }

  static String comparison(StoreBaselineResult store, List<StoreComparison> rows) {
    StoreReplayResult replay = store.replay();
    StringBuilder out = new StringBuilder("## End to end against the store alone\n\n");
    out.append("Routed/s as a share of the ").append(of(replay.ticketsPerSecond()));
    out.append(" tickets/s the store alone allows for the services' recorded commands (the bar");
    out.append(" is ").append(percent(BAR)).append("); the store process's CPU and the services'");
    out.append(" MongoDB commands per ticket routed during the phase, against the replay's ");
    out.append(millis(replay.storeCpuMillisPerTicket())).append(" and the recording's ");
    out.append(of(replay.commandsPerTicket().get("total"))).append(".\n\n");
    Table table =
        new Table(
            "round",
            "phase",
            "routed/s",
            "share of the store alone",
            "store CPU ms/ticket",
            "× alone",
            "commands/ticket",
            "× alone");
    for (StoreComparison row : rows) {
      table.row(
          row.round(),
          row.phase(),
          of(row.routedPerSecond()),
          row.shareOfStoreAlone() == null ? "n/a" : percent(row.shareOfStoreAlone()),
          of(row.storeCpuMillisPerTicket()),
          ratio(row.storeCpuRatio()),
          of(row.commandsPerTicket()),
          ratio(row.commandsRatio()));
    }
    return out.append(table.render()).append('\n').toString();
  }

  private static String commands(StoreReplayResult replay) {
    return replay.commandsPerTicket().entrySet().stream()
        .filter(e -> !e.getKey().equals("total"))
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + of(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String counts(Map<String, Long> byCommand) {
    return byCommand.isEmpty() ? "" : " (" + MarkdownReport.errors(byCommand) + ")";
  }

  private static String share(long part, long whole) {
    return whole == 0 ? "" : " of " + count(whole) + ", " + of(100.0 * part / whole) + "%";
  }

  private static String raw(String name, RawLeg leg) {
    return "%s (%s, %d thread%s, %d-byte documents)"
        .formatted(
            name,
            leg.batch() == 1 ? "insertOne" : "insertMany of " + leg.batch(),
            leg.threads(),
            leg.threads() == 1 ? "" : "s",
            leg.documentBytes());
  }

  private static String rawValue(RawLeg leg) {
    return of(leg.documentsPerSecond())
        + " documents/s, store CPU "
        + millis(leg.storeCpuMillisPerDocument())
        + " per document";
  }

  private static String millis(Double value) {
    return value == null ? "n/a" : of(value) + " ms";
  }

  private static String percent(double share) {
    return of(share * 100) + "%";
  }
}
