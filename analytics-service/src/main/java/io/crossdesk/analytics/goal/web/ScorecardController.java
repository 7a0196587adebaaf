package io.crossdesk.analytics.goal.web;

import io.crossdesk.analytics.goal.application.Scorecards;
import io.crossdesk.analytics.goal.application.Scorecards.Ranked;
import io.crossdesk.analytics.goal.application.Scorecards.Scorecard;
import io.crossdesk.analytics.kpi.application.AnalyticsProperties;
import io.crossdesk.analytics.kpi.domain.Period;
import io.crossdesk.analytics.kpi.web.BadRequest;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.security.Capability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Department scorecards against the targets, and the ranking of departments. */
@RestController
@RequestMapping("/api/analytics/departments")
class ScorecardController {

  private final Scorecards scorecards;
  private final AnalyticsProperties properties;
  private final Clock clock;

  ScorecardController(Scorecards scorecards, AnalyticsProperties properties, Clock clock) {
    this.scorecards = scorecards;
    this.properties = properties;
    this.clock = clock;
  }

  @Operation(
      summary = "A department's scorecard",
      description =
          "Each KPI with a target for the department: its figure in the period that holds `at`,"
              + " the figure of the period before, the trend, the target and the grade (A, B, C;"
              + " null without a figure).")
  @GetMapping("/{department}/scorecard")
  @PreAuthorize(Can.READ_DEPARTMENT_KPIS)
  Scorecard scorecard(
      @PathVariable
          @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a department id")
          String department,
      @RequestParam(defaultValue = "month")
          @Pattern(regexp = "day|week|month", message = "must be day, week or month")
          String period,
      @Parameter(description = "a day in the period, by default today")
          @RequestParam(required = false)
          String at,
      @AuthenticationPrincipal Jwt jwt) {
    // Department staff see their own department's scorecard only.
    Caller.of(jwt).departmentAsked(department, Capability.READ_KPIS);
    return scorecards.of(department, Period.fromId(period), day(at));
  }

  @Operation(summary = "The departments ranked by their grades in a period, best first")
  @GetMapping("/ranking")
  @PreAuthorize(Can.READ_KPIS)
  List<Ranked> ranking(
      @RequestParam(defaultValue = "month")
          @Pattern(regexp = "day|week|month", message = "must be day, week or month")
          String period,
      @RequestParam(required = false) String at) {
    return scorecards.ranking(Period.fromId(period), day(at));
  }

  private LocalDate day(String at) {
    if (at == null) {
      return LocalDate.now(clock.withZone(properties.zone()));
    }
    try {
      return LocalDate.parse(at);
    } catch (DateTimeParseException unreadable) {
      throw BadRequest.parameter("at", "must be a date such as 2026-12-05", unreadable);
    }
  }
}
