package io.crossdesk.analytics.wallboard.web;

import io.crossdesk.analytics.wallboard.application.Wallboard;
import io.crossdesk.analytics.wallboard.web.WallboardFeed.Message;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.security.Capability;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The wallboard's figures, once or as a live stream. Supervisors, admins and the desk see the whole
 * desk or any department; department staff see their own department.
 */
@RestController
@RequestMapping("/api/analytics/wallboard")
class WallboardController {

  private final Wallboard wallboard;
  private final WallboardFeed feed;
  private final Clock clock;

  WallboardController(Wallboard wallboard, WallboardFeed feed, Clock clock) {
    this.wallboard = wallboard;
    this.feed = feed;
    this.clock = clock;
  }

  @Operation(
      summary = "The wallboard now",
      description =
          "Today's figures, the backlog and the open tickets nearest their deadline, open alerts,"
              + " customers at risk, this month's ranking (and the department's scorecard), and"
              + " the last 14 days per department and channel.")
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize(Can.READ_DEPARTMENT_KPIS)
  Message board(
      @Parameter(
              description =
                  "a department id; by default the whole desk (department staff: their own)")
          @RequestParam(required = false)
          @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a department id")
          String department,
      @AuthenticationPrincipal Jwt jwt) {
    return new Message(clock.instant(), wallboard.board(scope(department, jwt)));
  }

  @Operation(
      summary = "The wallboard as server-sent events",
      description =
          "An event `board` with the same body as GET /api/analytics/wallboard at once, then"
              + " again whenever a figure changes (checked every 2 s), and a comment every 20 s"
              + " while nothing does. The stream ends after 30 minutes; connect again.")
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @PreAuthorize(Can.READ_DEPARTMENT_KPIS)
  SseEmitter stream(
      @RequestParam(required = false)
          @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a department id")
          String department,
      @AuthenticationPrincipal Jwt jwt) {
    return feed.watch(scope(department, jwt));
  }

  /** The department whose board the caller sees, null for the whole desk. */
  private static String scope(String department, Jwt jwt) {
    return Caller.of(jwt).departmentAsked(department, Capability.READ_KPIS);
  }
}
