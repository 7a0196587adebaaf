package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import java.util.List;

/** Which counters one business event moves: each counter by one. */
public final class EventCounters {

  private EventCounters() {}

  /** Any event counts under its type, including types this service knows nothing more about. */
  public static List<Counter> of(String type) {
    return List.of(new Counter(Dimension.EVENTS_BY_TYPE, type));
  }

  public static List<Counter> of(String type, TicketOpened ticket) {
    return List.of(
        new Counter(Dimension.EVENTS_BY_TYPE, type),
        new Counter(Dimension.TICKETS_BY_CATEGORY, ticket.category()),
        new Counter(Dimension.TICKETS_BY_CHANNEL, ticket.channel()));
  }

  public static List<Counter> of(String type, WorkOrderRouted workOrder) {
    return List.of(
        new Counter(Dimension.EVENTS_BY_TYPE, type),
        new Counter(Dimension.WORK_ORDERS_BY_DEPARTMENT, workOrder.department()));
  }
}
