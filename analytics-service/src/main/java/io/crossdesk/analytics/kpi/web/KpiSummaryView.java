package io.crossdesk.analytics.kpi.web;

import io.crossdesk.analytics.kpi.domain.Dimension;
import io.crossdesk.analytics.kpi.domain.KpiTotals;
import io.crossdesk.analytics.kpi.domain.RoutingStatistics;
import java.util.Map;

/** The KPI summary as the API shows it. */
record KpiSummaryView(
    Map<String, Long> eventsByType,
    Map<String, Long> ticketsByCategory,
    Map<String, Long> ticketsByChannel,
    Map<String, Long> workOrdersByDepartment,
    Routing routing) {

  /** Opened-to-routed time of the tickets routed so far; mean and max null while there are none. */
  record Routing(long count, Double meanSeconds, Double maxSeconds) {}

  static KpiSummaryView of(KpiTotals totals, RoutingStatistics routing) {
    return new KpiSummaryView(
        totals.by(Dimension.EVENTS_BY_TYPE),
        totals.by(Dimension.TICKETS_BY_CATEGORY),
        totals.by(Dimension.TICKETS_BY_CHANNEL),
        totals.by(Dimension.WORK_ORDERS_BY_DEPARTMENT),
        new Routing(routing.count(), routing.meanSeconds(), routing.maxSeconds()));
  }
}
