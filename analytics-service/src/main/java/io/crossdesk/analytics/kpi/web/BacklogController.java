package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.domain.Backlog;
import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.OpenTicket;
import io.crossdesk.analytics.kpi.persistence.GenerationStore;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore;
import io.crossdesk.analytics.kpi.persistence.KpiBucketStore.BacklogCopy;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The backlog now: open tickets per group and age, and the ones nearest their deadline. */
@RestController
class BacklogController {

  private final KpiBucketStore copies;
  private final GenerationStore generations;

  BacklogController(KpiBucketStore copies, GenerationStore generations) {
    this.copies = copies;
    this.generations = generations;
  }

  record BacklogView(
      Instant asOf, String groupBy, List<GroupView> groups, List<DueView> nearestDeadlines) {}

  record GroupView(
      String group,
      long open,
      long underOneDay,
      long oneToFiveDays,
      long fiveToTenDays,
      long overTenDays,
      Instant oldestOpenedAt) {}

  record DueView(
      String ticketId,
      String ticketNumber,
      Instant openedAt,
      Instant resolveBy,
      Map<String, String> groups) {}

  @Operation(
      summary = "The backlog: open tickets per group and age",
      description =
          "Tickets opened and neither resolved nor closed, per group, by age (under a day, 1-5"
              + " days, 5-10, over 10), as of `asOf` (each partition's backlog is copied every"
              + " 10 s); and the open tickets whose resolution is due first.")
  @GetMapping("/api/analytics/backlog")
  @PreAuthorize(Can.READ_KPIS)
  BacklogView backlog(
      @RequestParam(defaultValue = "all")
          @Pattern(
              regexp = "all|department|channel|type|category|region|tier",
              message = "must be all, department, channel, type, category, region or tier")
          String groupBy,
      @RequestParam(defaultValue = "10") @Min(0) @Max(100) int nearest) {
    Dimension dimension = Dimension.fromId(groupBy);
    BacklogCopy copy = copies.backlog(generations.current().served(), dimension);
    List<GroupView> groups =
        copy.groups().entrySet().stream()
            .map(
                group -> {
                  Backlog.Ages age = group.getValue();
                  return new GroupView(
                      group.getKey(),
                      age.open(),
                      age.underOneDay(),
                      age.oneToFiveDays(),
                      age.fiveToTenDays(),
                      age.overTenDays(),
                      age.oldestOpenedAt());
                })
            .toList();
    List<DueView> due = copy.nearest().stream().limit(nearest).map(BacklogController::due).toList();
    return new BacklogView(copy.asOf(), groupBy, groups, due);
  }

  private static DueView due(OpenTicket ticket) {
    Map<String, String> groups = new java.util.TreeMap<>();
    ticket.groups().forEach((dimension, value) -> groups.put(dimension.id(), value));
    return new DueView(
        ticket.ticketId(), ticket.ticketNumber(), ticket.openedAt(), ticket.resolveBy(), groups);
  }
}
