package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.application.KpiReports;
import io.crossdesk.analytics.kpi.application.KpiReports.Report;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.Period;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPIs per period and group, from the precomputed buckets; as JSON or as CSV for a spreadsheet. */
@RestController
@RequestMapping("/api/analytics")
class KpiController {

  private final KpiReports reports;
  private final AnalyticsProperties properties;
  private final Clock clock;

  KpiController(KpiReports reports, AnalyticsProperties properties, Clock clock) {
    this.reports = reports;
    this.properties = properties;
    this.clock = clock;
  }

  @Operation(
      summary = "KPIs per period and group",
      description =
          "Figures of the periods from `from` (inclusive) to `to` (exclusive), each period split"
              + " by `groupBy`. Dates are days of the analytics time zone; times are ISO-8601"
              + " instants. docs/analytics.md defines each KPI.")
  @GetMapping(path = "/kpis", produces = "application/json")
  @PreAuthorize(Can.READ_KPIS)
  Report kpis(
      @Parameter(description = "a date (2026-12-01) or instant; by default 7 days before `to`")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "a date or instant, exclusive; by default the end of today")
          @RequestParam(required = false)
          String to,
      @Parameter(description = "hour, day, week or month; by default day")
          @RequestParam(defaultValue = "day")
          @Pattern(regexp = "hour|day|week|month", message = "must be hour, day, week or month")
          String bucket,
      @Parameter(
              description =
                  "department, channel, type, category, region or tier; by default all in one")
          @RequestParam(defaultValue = "all")
          @Pattern(
              regexp = "all|department|channel|type|category|region|tier",
              message = "must be all, department, channel, type, category, region or tier")
          String groupBy) {
    Instant end = to == null ? endOfToday() : instant("to", to);
    Instant start = from == null ? end.minus(7, ChronoUnit.DAYS) : instant("from", from);
    if (!start.isBefore(end)) {
      throw invalid("from", "must be before to");
    }
    try {
      return reports.report(start, end, Period.fromId(bucket), Dimension.fromId(groupBy));
    } catch (KpiReports.RangeTooLongException tooLong) {
      throw invalid("to", tooLong.getMessage());
    }
  }

  @Operation(summary = "The same KPIs as CSV, one row per period and group")
  @GetMapping(
      path = {"/kpis", "/kpis.csv"},
      produces = "text/csv")
  @PreAuthorize(Can.READ_KPIS)
  ResponseEntity<String> csv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day")
          @Pattern(regexp = "hour|day|week|month", message = "must be hour, day, week or month")
          String bucket,
      @RequestParam(defaultValue = "all")
          @Pattern(
              regexp = "all|department|channel|type|category|region|tier",
              message = "must be all, department, channel, type, category, region or tier")
          String groupBy) {
    Report report = kpis(from, to, bucket, groupBy);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"kpis-" + bucket + "-" + groupBy + ".csv\"")
        .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
        .body(KpiCsv.of(report));
  }

  private Instant endOfToday() {
    return LocalDate.now(clock.withZone(properties.zone()))
        .plusDays(1)
        .atStartOfDay(properties.zone())
        .toInstant();
  }

  private Instant instant(String field, String text) {
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(properties.zone()).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException unreadable) {
      throw invalid(
          field,
          "must be a date such as 2026-12-01 or an instant such as" + " 2026-12-01T08:00:00Z");
    }
  }

  private static ErrorResponseException invalid(String field, String reason) {
    return BadRequest.parameter(field, reason, null);
  }
}
