package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.persistence.GenerationStore;
import io.crossdesk.analytics.kpi.persistence.GenerationStore.Generations;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Recomputes every figure from the events the topics retain, into a new generation, while the
 * current one is served; the new one is served once it has caught up (docs/analytics.md,
 * "Rebuild").
 */
@RestController
@RequestMapping("/api/analytics/rebuild")
class RebuildController {

  private final GenerationStore generations;
  private final Clock clock;

  RebuildController(GenerationStore generations, Clock clock) {
    this.generations = generations;
    this.clock = clock;
  }

  @Operation(summary = "Start a rebuild of every figure from the topics' history")
  @PostMapping
  @PreAuthorize(Can.REBUILD_ANALYTICS)
  ResponseEntity<Generations> rebuild(@AuthenticationPrincipal Jwt jwt) {
    return generations
        .startRebuild(Caller.of(jwt).subject(), clock.instant())
        .map(started -> ResponseEntity.status(HttpStatus.ACCEPTED).body(started))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "A rebuild is running already; GET /api/analytics/rebuild shows it."));
  }

  @Operation(summary = "The served generation and the rebuild in progress, if any")
  @GetMapping
  @PreAuthorize(Can.SUPERVISE)
  Generations status() {
    return generations.current();
  }
}
