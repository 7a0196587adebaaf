package io.crossdesk.benchmark.report;

import static io.crossdesk.benchmark.report.Numbers.count;
import static io.crossdesk.benchmark.report.Numbers.of;
import static io.crossdesk.benchmark.report.Numbers.ratio;

import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import io.crossdesk.benchmark.result.StoreComparison;
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
    int threads = store.threadsByStage().values().stream().mapToInt(Integer::intValue).sum();
    out.append("The store operations of one intake ticket, replayed with the MongoDB driver on");
    out.append(" throwaway databases (dropped afterwards) with the services' documents, indexes,");
    out.append(" batching and ").append(threads).append(" client threads (");
    out.append(
        store.threadsByStage().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.append("), at most ").append(store.window()).append(" tickets on their way; measured");
    out.append(" over ").append(of(store.mixSeconds())).append(" s after ");
    out.append(of(store.warmUpSeconds())).append(" s of warm-up.\n\n");
    out.append(
        new Table("figure", "value")
            .row(
                "tickets/s the store allows for an intake ticket's operations",
                of(store.ticketsPerSecond()) + " (" + count(store.ticketsCompleted()) + " tickets)")
            .row("store CPU per ticket", millis(store.storeCpuMillisPerTicket()))
            .row(
                "MongoDB commands per ticket",
                of(store.commandsPerTicket().get("total")) + " (" + commands(store) + ")")
            .row(raw("single inserts", store.singleInserts()), rawValue(store.singleInserts()))
            .row(raw("bulk inserts", store.bulkInserts()), rawValue(store.bulkInserts()))
            .row(
                "documents per batched command",
                store.meanBatch().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + of(e.getValue()))
                    .collect(Collectors.joining(", ")))
            .row(
                "document sizes, bytes",
                store.documentBytes().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")))
            .render());
    return out.append('\n').toString();
  }

  static String comparison(StoreBaselineResult store, List<StoreComparison> rows) {
    StringBuilder out = new StringBuilder("## End to end against the store alone\n\n");
    out.append("Routed/s as a share of the ").append(of(store.ticketsPerSecond()));
    out.append(" tickets/s the store alone allows for the same operations (the bar is ");
    out.append(percent(BAR)).append("); the store process's CPU and the services' MongoDB");
    out.append(" commands per ticket routed during the phase, against the store alone's ");
    out.append(millis(store.storeCpuMillisPerTicket())).append(" and ");
    out.append(of(store.commandsPerTicket().get("total"))).append(".\n\n");
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

  private static String commands(StoreBaselineResult store) {
    return store.commandsPerTicket().entrySet().stream()
        .filter(e -> !e.getKey().equals("total"))
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + " " + of(e.getValue()))
        .collect(Collectors.joining(", "));
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
