package io.crossdesk.analytics.kpi.application;

import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.domain.Period;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Today's headline KPIs (in the analytics time zone) as gauges on {@code /actuator/prometheus}:
 * {@code crossdesk_analytics_today{kpi="..."}}, and per department {@code
 * crossdesk_analytics_today_by_department{department="...",kpi="..."}} (a department's gauges
 * appear with its first figures of the day). A scrape reads today's day buckets at most once per
 * {@link #FRESH_FOR}; a share with nothing to divide by reads NaN.
 */
@Component
class KpiGauges {

  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final KpiReports reports;
  private final AnalyticsProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Set<String> departmentsWithGauges = ConcurrentHashMap.newKeySet();
  private volatile KpiFigures today;
  private volatile Map<String, KpiFigures> todayByDepartment = Map.of();
  private volatile Instant readAt = Instant.EPOCH;

  /** What a department's board shows: its work, its deadlines and its warnings, today. */
  private static final Map<String, ToDoubleFunction<KpiFigures>> PER_DEPARTMENT =
      Map.of(
          "ticketsResolved", k -> k.ticketsResolved(),
          "resolutionSlaBreached", k -> k.resolutionSla().breached(),
          "resolutionSlaShareMet", k -> orNaN(k.resolutionSla().shareMet()),
          "slaWarnings", k -> k.slaWarnings(),
          "escalations", k -> k.escalationsByLevel().values().stream().mapToLong(n -> n).sum(),
          "stepsRouted", k -> k.steps().routed(),
          "stepsCompleted", k -> k.steps().completed(),
          "stepOlaShareMet", k -> orNaN(k.steps().ola().shareMet()));

  KpiGauges(KpiReports reports, AnalyticsProperties properties, Clock clock, MeterRegistry meters) {
    this.reports = reports;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    Map<String, ToDoubleFunction<KpiFigures>> headline =
        Map.of(
            "ticketsOpened", k -> k.ticketsOpened(),
            "ticketsResolved", k -> k.ticketsResolved(),
            "complaintsOpened", k -> k.complaintsOpened(),
            "resolutionSlaShareMet", k -> orNaN(k.resolutionSla().shareMet()),
            "firstContactResolutionRate", k -> orNaN(k.firstContactResolutionRate()),
            "reopenRate", k -> orNaN(k.reopenRate()),
            "satisfactionAverage", k -> orNaN(k.satisfaction().average()),
            "stepOlaShareMet", k -> orNaN(k.steps().ola().shareMet()));
    headline.forEach(
        (kpi, read) ->
            Gauge.builder("crossdesk.analytics.today", this, gauges -> read.applyAsDouble(today()))
                .description("Today's KPI, as GET /api/analytics/kpis computes it")
                .tag("kpi", kpi)
                .register(meters));
  }

  private KpiFigures today() {
    Instant now = clock.instant();
    KpiFigures figures = today;
    if (figures == null || readAt.plus(FRESH_FOR).isBefore(now)) {
      figures =
          groups(now, Dimension.ALL).values().stream()
              .findFirst()
              .orElseGet(() -> KpiFigures.of(new KpiTotals()));
      Map<String, KpiFigures> byDepartment = groups(now, Dimension.DEPARTMENT);
      byDepartment.keySet().forEach(this::registerDepartment);
      today = figures;
      todayByDepartment = byDepartment;
      readAt = now;
    }
    return figures;
  }

  /** Today's figures per group of {@code dimension}. */
  private Map<String, KpiFigures> groups(Instant now, Dimension dimension) {
    LocalDate day = LocalDate.ofInstant(now, properties.zone());
    KpiReports.Report report =
        reports.report(
            day.atStartOfDay(properties.zone()).toInstant(),
            day.plusDays(1).atStartOfDay(properties.zone()).toInstant(),
            Period.DAY,
            dimension);
    Map<String, KpiFigures> groups = new TreeMap<>();
    report.buckets().stream()
        .flatMap(bucket -> bucket.groups().stream())
        .forEach(group -> groups.put(group.group(), group.kpis()));
    return groups;
  }

  private void registerDepartment(String department) {
    if (!departmentsWithGauges.add(department)) {
      return;
    }
    PER_DEPARTMENT.forEach(
        (kpi, read) ->
            Gauge.builder(
                    "crossdesk.analytics.today.by.department",
                    this,
                    gauges -> {
                      gauges.today();
                      KpiFigures figures = gauges.todayByDepartment.get(department);
                      return figures == null ? 0 : read.applyAsDouble(figures);
                    })
                .description("Today's KPI of one department, as groupBy=department computes it")
                .tag("department", department)
                .tag("kpi", kpi)
                .register(meters));
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
