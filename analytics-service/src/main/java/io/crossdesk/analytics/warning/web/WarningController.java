package io.crossdesk.analytics.warning.web;

import io.crossdesk.analytics.warning.persistence.WarningStore;
import io.crossdesk.analytics.warning.persistence.WarningStore.Alert;
import io.crossdesk.analytics.warning.persistence.WarningStore.AtRisk;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warnings the engine raised: complaint spikes to acknowledge, customers at risk. */
@RestController
@RequestMapping("/api/analytics")
class WarningController {

  private static final Duration AT_RISK_WINDOW = Duration.ofDays(30);

  private final WarningStore warnings;
  private final Clock clock;

  WarningController(WarningStore warnings, Clock clock) {
    this.warnings = warnings;
    this.clock = clock;
  }

  @Operation(summary = "Complaint spikes, the newest first")
  @GetMapping("/alerts")
  @PreAuthorize(Can.READ_KPIS)
  List<Alert> alerts(
      @RequestParam(required = false)
          @Pattern(regexp = "OPEN|ACKNOWLEDGED", message = "must be OPEN or ACKNOWLEDGED")
          String status,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return warnings.alerts(status, limit);
  }

  @Operation(summary = "Acknowledge a spike: a supervisor has seen it and acts")
  @PostMapping("/alerts/{id}/acknowledge")
  @PreAuthorize(Can.SUPERVISE)
  Alert acknowledge(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    return warnings
        .acknowledge(id, Caller.of(jwt).subject(), clock.instant())
        .orElseThrow(() -> new NotFoundException("No alert " + id + "."));
  }

  @Operation(
      summary = "Customers at risk of churning",
      description =
          "Customers raised in the last 30 days, the latest first, each with every reason that"
              + " held when last raised.")
  @GetMapping("/customers/at-risk")
  @PreAuthorize(Can.READ_KPIS)
  List<AtRisk> atRisk(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return warnings.atRisk(clock.instant().minus(AT_RISK_WINDOW), limit);
  }
}
