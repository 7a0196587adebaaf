package io.crossdesk.analytics.kpi;

import io.crossdesk.analytics.kpi.domain.Counter;
import io.crossdesk.analytics.kpi.domain.EventCounters;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Folds each business event into the KPI projection. Every step is idempotent on its own, so a
 * retried or replayed event leaves the projection as it was.
 */
@Component
class KpiProjection {

  private final Events events;
  private final CounterStore counters;
  private final TicketRoutingStore routing;

  KpiProjection(Events events, CounterStore counters, TicketRoutingStore routing) {
    this.events = events;
    this.counters = counters;
    this.routing = routing;
  }

  void project(EventMessage event) {
    List<Counter> moved =
        switch (event.type()) {
          case EventTypes.TICKET_OPENED -> ticketOpened(event);
          case EventTypes.WORKORDER_ROUTED -> workOrderRouted(event);
          default -> EventCounters.of(event.type());
        };
    counters.count(event.eventId(), moved);
  }

  private List<Counter> ticketOpened(EventMessage event) {
    TicketOpened ticket = events.read(event, TicketOpened.class);
    routing.opened(ticket.ticketId(), ticket.openedAt());
    return EventCounters.of(event.type(), ticket);
  }

  private List<Counter> workOrderRouted(EventMessage event) {
    WorkOrderRouted workOrder = events.read(event, WorkOrderRouted.class);
    routing.routed(workOrder.ticketId(), workOrder.routedAt());
    return EventCounters.of(event.type(), workOrder);
  }
}
