package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.application.KpiReports.Bucket;
import io.crossdesk.analytics.kpi.application.KpiReports.Group;
import io.crossdesk.analytics.kpi.application.KpiReports.Report;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A KPI report as CSV (RFC 4180): one row per period and group, the columns named like the JSON
 * fields, nested ones joined by dots; escalations and scores one column per level and score seen.
 */
final class KpiCsv {

  private KpiCsv() {}

  static String of(Report report) {
    TreeSet<Integer> levels = new TreeSet<>();
    TreeSet<Integer> scores = new TreeSet<>();
    for (Bucket bucket : report.buckets()) {
      for (Group group : bucket.groups()) {
        levels.addAll(group.kpis().escalationsByLevel().keySet());
        scores.addAll(group.kpis().satisfaction().distribution().keySet());
      }
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "periodStart",
                report.groupBy().id(),
                "ticketsOpened",
                "complaintsOpened",
                "customers",
                "complaintsPer1000Customers",
                "ticketsResolved",
                "complaintsResolved",
                "ticketsClosed",
                "ticketsReopened",
                "reopenRate",
                "resolvedAtFirstContact",
                "firstContactResolutionRate",
                "resolutionTime.count",
                "resolutionTime.averageSeconds",
                "resolutionTime.p50Seconds",
                "resolutionTime.p90Seconds",
                "resolutionBusinessTime.averageSeconds",
                "resolutionBusinessTime.p50Seconds",
                "resolutionBusinessTime.p90Seconds",
                "resolutionSla.met",
                "resolutionSla.breached",
                "resolutionSla.shareMet",
                "firstResponseTime.count",
                "firstResponseTime.averageSeconds",
                "firstResponseTime.p50Seconds",
                "firstResponseTime.p90Seconds",
                "firstResponseBusinessTime.averageSeconds",
                "firstResponseBusinessTime.p50Seconds",
                "firstResponseBusinessTime.p90Seconds",
                "firstResponseSla.met",
                "firstResponseSla.breached",
                "firstResponseSla.shareMet",
                "slaWarnings"));
    levels.forEach(level -> header.add("escalations.level" + level));
    header.add("satisfaction.answered");
    header.add("satisfaction.average");
    scores.forEach(score -> header.add("satisfaction.score" + score));
    header.addAll(
        List.of(
            "steps.routed",
            "steps.routingTime.averageSeconds",
            "steps.routingTime.p50Seconds",
            "steps.routingTime.p90Seconds",
            "steps.completed",
            "steps.stepTime.averageSeconds",
            "steps.stepTime.p50Seconds",
            "steps.stepTime.p90Seconds",
            "steps.ola.met",
            "steps.ola.breached",
            "steps.ola.shareMet",
            "steps.returned",
            "steps.returnRate",
            "steps.transferred",
            "steps.transferRate",
            "steps.escalations",
            "steps.callBacksDone",
            "steps.callBacksWithin3Days",
            "steps.callBacksWithin3DaysShare"));

    StringBuilder csv = new StringBuilder();
    row(csv, header);
    for (Bucket bucket : report.buckets()) {
      for (Group group : bucket.groups()) {
        KpiFigures k = group.kpis();
        List<Object> cells =
            new ArrayList<>(
                List.of(bucket.start(), group.group(), k.ticketsOpened(), k.complaintsOpened()));
        cells.add(k.customers());
        cells.add(k.complaintsPer1000Customers());
        cells.addAll(
            List.of(
                k.ticketsResolved(),
                k.complaintsResolved(),
                k.ticketsClosed(),
                k.ticketsReopened()));
        cells.add(k.reopenRate());
        cells.add(k.resolvedAtFirstContact());
        cells.add(k.firstContactResolutionRate());
        cells.add(k.resolutionTime().count());
        durations(cells, k.resolutionTime());
        durations(cells, k.resolutionBusinessTime());
        cells.add(k.resolutionSla().met());
        cells.add(k.resolutionSla().breached());
        cells.add(k.resolutionSla().shareMet());
        cells.add(k.firstResponseTime().count());
        durations(cells, k.firstResponseTime());
        durations(cells, k.firstResponseBusinessTime());
        cells.add(k.firstResponseSla().met());
        cells.add(k.firstResponseSla().breached());
        cells.add(k.firstResponseSla().shareMet());
        cells.add(k.slaWarnings());
        levels.forEach(level -> cells.add(orZero(k.escalationsByLevel(), level)));
        cells.add(k.satisfaction().answered());
        cells.add(k.satisfaction().average());
        scores.forEach(score -> cells.add(orZero(k.satisfaction().distribution(), score)));
        KpiFigures.Steps steps = k.steps();
        cells.add(steps.routed());
        durations(cells, steps.routingTime());
        cells.add(steps.completed());
        durations(cells, steps.stepTime());
        cells.add(steps.ola().met());
        cells.add(steps.ola().breached());
        cells.add(steps.ola().shareMet());
        cells.add(steps.returned());
        cells.add(steps.returnRate());
        cells.add(steps.transferred());
        cells.add(steps.transferRate());
        cells.add(steps.escalations());
        cells.add(steps.callBacksDone());
        cells.add(steps.callBacksWithin3Days());
        cells.add(steps.callBacksWithin3DaysShare());
        row(csv, cells);
      }
    }
    return csv.toString();
  }

  private static void durations(List<Object> cells, KpiFigures.Durations durations) {
    cells.add(durations.averageSeconds());
    cells.add(durations.p50Seconds());
    cells.add(durations.p90Seconds());
  }

  private static long orZero(Map<Integer, Long> counts, int key) {
    return counts.getOrDefault(key, 0L);
  }

  private static void row(StringBuilder csv, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    // A spreadsheet would run a cell that starts like a formula.
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      return "'" + text;
    }
    return text;
  }
}
