package io.crossdesk.workorder.workorder;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.workorder.routing.persistence.RoutingRuleStore;
import io.crossdesk.workorder.workorder.domain.TicketToRoute;
import io.crossdesk.workorder.workorder.domain.WorkOrder;
import io.crossdesk.workorder.workorder.persistence.WorkOrderStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Turns an opened ticket into a work order in the queue of its lead department. */
@Service
public class TicketRouting {

  private static final Logger log = LoggerFactory.getLogger(TicketRouting.class);

  private final RoutingRuleStore rules;
  private final WorkOrderStore workOrders;
  private final Events events;
  private final Clock clock;

  TicketRouting(RoutingRuleStore rules, WorkOrderStore workOrders, Events events, Clock clock) {
    this.rules = rules;
    this.workOrders = workOrders;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Routes the ticket unless it already has a work order. A ticket may arrive again (redelivery
   * after a crash, the same ticket under a new event id); its first work order stays the only one.
   */
  public void route(TicketOpened ticket) {
    // MongoDB keeps milliseconds: the event then says exactly what is stored.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    WorkOrder order = WorkOrder.route(UUID.randomUUID(), toRoute(ticket), rules.router(), now);
    EventMessage routed =
        events.create(order.id().toString(), routedEvent(order, ticket.openedAt()));
    if (workOrders.insertIfNew(order, List.of(routed))) {
      log.info(
          "Ticket {} ({}) routed to {} by rule {} as work order {}",
          order.ticketId(),
          order.category(),
          order.department().id(),
          order.routingRule(),
          order.id());
    } else {
      log.info("Ticket {} already has a work order; nothing to do", ticket.ticketId());
    }
  }

  private static TicketToRoute toRoute(TicketOpened ticket) {
    return new TicketToRoute(
        ticket.ticketId(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.category(),
        ticket.priority(),
        ticket.title(),
        ticket.resolveBy());
  }

  private static WorkOrderRouted routedEvent(WorkOrder order, Instant ticketOpenedAt) {
    return new WorkOrderRouted(
        order.id().toString(),
        order.ticketId(),
        order.customerId(),
        order.category(),
        order.department().id(),
        order.routingRule(),
        order.createdAt(),
        ticketOpenedAt,
        null);
  }
}
