package io.crossdesk.analytics.kpi.application;

import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiFigures;
import io.crossdesk.analytics.kpi.domain.Period;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Today's headline KPIs (in the analytics time zone) as gauges on {@code /actuator/prometheus}:
 * {@code crossdesk_analytics_today{kpi="..."}}. A scrape reads today's day buckets at most once per
 * {@link #FRESH_FOR}; a share with nothing to divide by reads NaN.
 */
@Component
class KpiGauges {

  static final Duration FRESH_FOR = Duration.ofSeconds(10);

  private final KpiReports reports;
  private final AnalyticsProperties properties;
  private final Clock clock;
  private volatile KpiFigures today;
  private volatile Instant readAt = Instant.EPOCH;

  KpiGauges(KpiReports reports, AnalyticsProperties properties, Clock clock, MeterRegistry meters) {
    this.reports = reports;
    this.properties = properties;
    this.clock = clock;
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
      LocalDate day = LocalDate.ofInstant(now, properties.zone());
      KpiReports.Report report =
          reports.report(
              day.atStartOfDay(properties.zone()).toInstant(),
              day.plusDays(1).atStartOfDay(properties.zone()).toInstant(),
              Period.DAY,
              Dimension.ALL);
      figures =
          report.buckets().stream()
              .flatMap(bucket -> bucket.groups().stream())
              .findFirst()
              .map(KpiReports.Group::kpis)
              .orElseGet(() -> KpiFigures.of(new io.crossdesk.analytics.kpi.domain.KpiTotals()));
      today = figures;
      readAt = now;
    }
    return figures;
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }
}
