package io.crossdesk.workorder.order.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.routing.domain.Priority;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import java.time.Instant;

/** Work orders for domain tests, in departments that work around the clock. */
final class WorkOrders {

  static final Calendars ALWAYS = department -> BusinessCalendar.twentyFourSeven();
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

  private WorkOrders() {}

  static FlowTemplate standard(String id) {
    return StandardFlows.ALL.stream()
        .filter(flow -> flow.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  static TicketFacts ticket(String type, String tier) {
    return new TicketFacts(
        "T-1", "CD-1", "C-1", tier, type, "HOTLINE", "NETWORK", "title", null, null, START, null);
  }

  static WorkOrderChange open(FlowTemplate flow, String type, String tier) {
    return WorkOrder.open(
        "W-1",
        ticket(type, tier),
        1,
        0,
        new RoutingDecision(StandardRoutingRules.DEFAULT, flow.id(), Priority.NORMAL),
        flow,
        START,
        ALWAYS);
  }

  /** Claims, starts and completes a step in one go, {@code hours} after {@link #START}. */
  static WorkOrderChange finish(WorkOrder order, String stepId, String outcome, long hours) {
    Instant at = START.plusSeconds(hours * 3600);
    Performer staff = Performer.person("staff-1");
    WorkOrder claimed = order.claim(stepId, staff, at, ALWAYS).order();
    WorkOrder started = claimed.start(stepId, staff, at, ALWAYS).order();
    return started.complete(stepId, staff, outcome, "done", null, null, at, ALWAYS);
  }
}
