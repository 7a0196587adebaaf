package io.crossdesk.analytics.wallboard.application;

import io.crossdesk.analytics.goal.application.Scorecards;
import io.crossdesk.analytics.goal.application.Scorecards.Ranked;
import io.crossdesk.analytics.goal.application.Scorecards.Scorecard;
import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.application.KpiReports;
import io.crossdesk.analytics.kpi.domain.Backlog;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import io.crossdesk.analytics.kpi.domain.Period;
import io.crossdesk.analytics.kpi.persistence.GenerationStore;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore.BacklogCopy;
import io.crossdesk.analytics.warning.persistence.WarningStore;
import io.crossdesk.analytics.warning.persistence.WarningStore.Alert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * What the supervisors' wallboard shows, for the whole desk or for one department: today's figures,
 * the backlog and the open tickets nearest their deadline, open alerts, customers at risk, this
 * month's scorecards and the trend of the last days per department and channel. Read from the
 * stored buckets and copies, like every report.
 */
@Service
public class Wallboard {

  /** Days of trend, today included. */
  static final int TREND_DAYS = 14;

  static final int NEAREST = 10;
  static final int ALERTS = 5;
  static final int AT_RISK = 5;
  static final Duration AT_RISK_WINDOW = Duration.ofDays(30);

  /** The board of one scope. {@code department} is null for the whole desk. */
  public record Board(
      String department,
      LocalDate today,
      String zone,
      Today figures,
      Backlog.Ages backlog,
      List<Due> nearestDeadlines,
      List<Alert> openAlerts,
      List<AtRisk> customersAtRisk,
      List<Ranked> ranking,
      Scorecard scorecard,
      Trend byDepartment,
      Trend byChannel) {}

  /** Today's headline figures. Shares are null where there is nothing to divide by yet. */
  public record Today(
      long opened,
      long complaintsOpened,
      long resolved,
      long resolvedAtFirstContact,
      Double resolutionSlaMet,
      long resolutionSlaBreached,
      Double firstResponseSlaMet,
      long escalations,
      long slaWarnings,
      Double reopenRate,
      Double satisfactionAverage,
      Double averageResolutionSeconds,
      long stepsRouted,
      long stepsCompleted,
      Double stepOlaMet,
      Double stepReturnRate) {

    static final Today NONE = of(null);

    static Today of(KpiFigures kpis) {
      if (kpis == null) {
        return new Today(0, 0, 0, 0, null, 0, null, 0, 0, null, null, null, 0, 0, null, null);
      }
      long escalations = kpis.escalationsByLevel().values().stream().mapToLong(n -> n).sum();
      return new Today(
          kpis.ticketsOpened(),
          kpis.complaintsOpened(),
          kpis.ticketsResolved(),
          kpis.resolvedAtFirstContact(),
          kpis.resolutionSla().shareMet(),
          kpis.resolutionSla().breached(),
          kpis.firstResponseSla().shareMet(),
          escalations,
          kpis.slaWarnings(),
          kpis.reopenRate(),
          kpis.satisfaction().average(),
          kpis.resolutionTime().averageSeconds(),
          kpis.steps().routed(),
          kpis.steps().completed(),
          kpis.steps().ola().shareMet(),
          kpis.steps().returnRate());
    }
  }

  /** An open ticket near its resolution deadline (past it when {@code resolveBy} has gone). */
  public record Due(
      String ticketId,
      String ticketNumber,
      String department,
      String channel,
      String type,
      String tier,
      Instant openedAt,
      Instant resolveBy) {}

  public record AtRisk(String customerId, String customerTier, List<String> reasons) {}

  /**
   * Daily series per group over the trend's days: tickets opened, tickets resolved, work-order
   * steps routed to the group (a department's incoming work) and the share of resolutions within
   * their SLA (null on a day without resolutions).
   */
  public record Trend(List<LocalDate> days, Map<String, Series> groups) {}

  public record Series(
      List<Long> opened,
      List<Long> resolved,
      List<Long> stepsRouted,
      List<Double> resolutionSlaMet) {}

  private final KpiReports reports;
  private final KpiBucketStore copies;
  private final GenerationStore generations;
  private final WarningStore warnings;
  private final Scorecards scorecards;
  private final ZoneId zone;
  private final Clock clock;

  Wallboard(
      KpiReports reports,
      KpiBucketStore copies,
      GenerationStore generations,
      WarningStore warnings,
      Scorecards scorecards,
      AnalyticsProperties properties,
      Clock clock) {
    this.reports = reports;
    this.copies = copies;
    this.generations = generations;
    this.warnings = warnings;
    this.scorecards = scorecards;
    this.zone = properties.zone();
    this.clock = clock;
  }

  /** The board of the whole desk ({@code department} null) or of one department. */
  public Board board(String department) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    Instant startOfToday = today.atStartOfDay(zone).toInstant();
    Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
    Instant trendStart = today.minusDays(TREND_DAYS - 1L).atStartOfDay(zone).toInstant();

    Trend byDepartment = trend(trendStart, endOfToday, Dimension.DEPARTMENT, department);
    Trend byChannel = trend(trendStart, endOfToday, Dimension.CHANNEL, null);
    Today figures =
        department == null
            ? todayOfAll(startOfToday, endOfToday)
            : todayOf(department, startOfToday, endOfToday);

    Dimension scope = department == null ? Dimension.ALL : Dimension.DEPARTMENT;
    BacklogCopy backlog = copies.backlog(generations.current().served(), scope);
    Backlog.Ages ages =
        backlog.groups().getOrDefault(department == null ? "all" : department, Backlog.Ages.NONE);
    List<Due> nearest =
        backlog.nearest().stream()
            .filter(
                ticket ->
                    department == null || department.equals(ticket.group(Dimension.DEPARTMENT)))
            .limit(NEAREST)
            .map(Wallboard::due)
            .toList();

    List<AtRisk> atRisk =
        warnings.atRisk(clock.instant().minus(AT_RISK_WINDOW), AT_RISK).stream()
            .map(
                customer ->
                    new AtRisk(
                        customer.customerId(),
                        customer.customerTier(),
                        customer.reasons().stream().map(reason -> reason.code()).toList()))
            .toList();

    List<Ranked> ranking = scorecards.ranking(Period.MONTH, today);
    Scorecard scorecard =
        department == null ? null : scorecards.of(department, Period.MONTH, today);
    return new Board(
        department,
        today,
        zone.getId(),
        figures,
        ages,
        nearest,
        warnings.alerts("OPEN", ALERTS),
        atRisk,
        ranking,
        scorecard,
        byDepartment,
        byChannel);
  }

  private Today todayOfAll(Instant from, Instant to) {
    return today(from, to, Dimension.ALL, "all");
  }

  private Today todayOf(String department, Instant from, Instant to) {
    return today(from, to, Dimension.DEPARTMENT, department);
  }

  private Today today(Instant from, Instant to, Dimension dimension, String group) {
    for (KpiReports.Bucket bucket : reports.report(from, to, Period.DAY, dimension).buckets()) {
      for (KpiReports.Group figures : bucket.groups()) {
        if (figures.group().equals(group)) {
          return Today.of(figures.kpis());
        }
      }
    }
    return Today.NONE;
  }

  /** The series of each group of {@code dimension}, or of {@code only} that group. */
  private Trend trend(Instant from, Instant to, Dimension dimension, String only) {
    List<KpiReports.Bucket> buckets = reports.report(from, to, Period.DAY, dimension).buckets();
    List<LocalDate> days = new ArrayList<>(buckets.size());
    Map<String, Map<Integer, KpiFigures>> byGroup = new TreeMap<>();
    for (int day = 0; day < buckets.size(); day++) {
      KpiReports.Bucket bucket = buckets.get(day);
      days.add(LocalDate.ofInstant(bucket.start(), zone));
      for (KpiReports.Group group : bucket.groups()) {
        if ((only == null && !Dimension.UNKNOWN.equals(group.group()))
            || group.group().equals(only)) {
          byGroup.computeIfAbsent(group.group(), g -> new TreeMap<>()).put(day, group.kpis());
        }
      }
    }
    Map<String, Series> series = new LinkedHashMap<>();
    byGroup.forEach(
        (group, figures) -> {
          List<Long> opened = new ArrayList<>(days.size());
          List<Long> resolved = new ArrayList<>(days.size());
          List<Long> routed = new ArrayList<>(days.size());
          List<Double> slaMet = new ArrayList<>(days.size());
          for (int day = 0; day < days.size(); day++) {
            KpiFigures kpis = figures.get(day);
            opened.add(kpis == null ? 0 : kpis.ticketsOpened());
            resolved.add(kpis == null ? 0 : kpis.ticketsResolved());
            routed.add(kpis == null ? 0 : kpis.steps().routed());
            slaMet.add(kpis == null ? null : kpis.resolutionSla().shareMet());
          }
          series.put(group, new Series(opened, resolved, routed, slaMet));
        });
    return new Trend(days, series);
  }

  private static Due due(OpenTicket ticket) {
    return new Due(
        ticket.ticketId(),
        ticket.ticketNumber(),
        ticket.group(Dimension.DEPARTMENT),
        ticket.group(Dimension.CHANNEL),
        ticket.group(Dimension.TYPE),
        ticket.group(Dimension.TIER),
        ticket.openedAt(),
        ticket.resolveBy());
  }
}
