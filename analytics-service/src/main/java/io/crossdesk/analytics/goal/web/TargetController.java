package io.crossdesk.analytics.goal.web;

import io.crossdesk.analytics.goal.domain.Measure;
import io.crossdesk.analytics.goal.domain.Target;
import io.crossdesk.analytics.goal.domain.TargetSet;
import io.crossdesk.analytics.goal.persistence.TargetStore;
import io.crossdesk.analytics.kpi.domain.Period;
import io.crossdesk.analytics.kpi.web.BadRequest;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The KPI targets departments are graded against, as data: an ADMIN replaces them, which stores a
 * new version; the earlier versions stay readable.
 */
@RestController
@RequestMapping("/api/analytics/targets")
class TargetController {

  private final TargetStore targets;
  private final Clock clock;

  TargetController(TargetStore targets, Clock clock) {
    this.targets = targets;
    this.clock = clock;
  }

  record TargetRequest(
      @Schema(description = "the KPI, e.g. resolutionSla.shareMet") @NotBlank String kpi,
      @Schema(description = "the department, or absent for every department")
          @Size(max = 64)
          @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be a department id")
          String department,
      @NotNull @Pattern(regexp = "day|week|month", message = "must be day, week or month")
          String period,
      @Schema(description = "grade A from here") @NotNull Double target,
      @Schema(description = "grade B from here; below it C") @NotNull Double gradeB) {}

  record TargetsRequest(@NotNull @Size(max = 500) List<@NotNull @Valid TargetRequest> targets) {}

  @Operation(summary = "The targets in force")
  @GetMapping
  @PreAuthorize(Can.READ_KPIS)
  TargetSet current() {
    return targets.current();
  }

  @Operation(summary = "An earlier version of the targets")
  @GetMapping("/versions/{version}")
  @PreAuthorize(Can.SUPERVISE)
  TargetSet version(@PathVariable int version) {
    return targets
        .version(version)
        .orElseThrow(() -> new NotFoundException("No targets version " + version + "."));
  }

  @Operation(
      summary = "Replace the targets",
      description =
          "Stores the targets as a new version. Each names a KPI (docs/analytics.md lists those"
              + " that take one), a department or none for all, a period, the figure for grade A"
              + " and the one for grade B.")
  @PutMapping
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  TargetSet replace(@Valid @RequestBody TargetsRequest request, @AuthenticationPrincipal Jwt jwt) {
    List<Target> parsed = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < request.targets().size(); i++) {
      TargetRequest one = request.targets().get(i);
      String field = "targets[" + i + "]";
      Measure measure = Measure.byId(one.kpi()).orElse(null);
      if (measure == null) {
        errors.add(new FieldError(field + ".kpi", "is not a KPI that takes a target"));
        continue;
      }
      try {
        parsed.add(
            new Target(
                measure,
                one.department(),
                Period.fromId(one.period()),
                one.target(),
                one.gradeB()));
      } catch (IllegalArgumentException invalid) {
        errors.add(new FieldError(field, invalid.getMessage()));
      }
    }
    TargetSet current = targets.current();
    if (errors.isEmpty()) {
      try {
        new TargetSet(current.version() + 1, parsed, null, null);
      } catch (IllegalArgumentException duplicate) {
        errors.add(new FieldError("targets", duplicate.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw BadRequest.fields(errors);
    }
    try {
      return targets.publish(current.version(), parsed, Caller.of(jwt).subject(), clock.instant());
    } catch (DuplicateKeyException concurrentEdit) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "Another edit of the targets was stored first; read them and retry.");
    }
  }
}
