package io.crossdesk.workorder.order.application;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.workorder.configuration.application.ConfigurationSnapshot;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import io.crossdesk.workorder.routing.domain.Priority;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import io.crossdesk.workorder.routing.domain.RoutingRequest;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Opens a work order for each round of a ticket: when it opens (unless it was resolved at first
 * contact) and each time the customer reopens it, in the flow its routing rules choose.
 */
@Service
public class WorkOrderOpening {

  private static final Logger log = LoggerFactory.getLogger(WorkOrderOpening.class);

  private final RoutingConfiguration configuration;
  private final WorkOrderStore workOrders;
  private final WorkOrderEvents events;
  private final WorkOrderMoves moves;
  private final StepAssignment assignment;

  WorkOrderOpening(
      RoutingConfiguration configuration,
      WorkOrderStore workOrders,
      WorkOrderEvents events,
      WorkOrderMoves moves,
      StepAssignment assignment) {
    this.configuration = configuration;
    this.workOrders = workOrders;
    this.events = events;
    this.moves = moves;
    this.assignment = assignment;
  }

  public void opened(TicketOpened ticket) {
    if (Boolean.TRUE.equals(ticket.resolvedAtFirstContact())) {
      log.info("Ticket {} was resolved at first contact; no work order", ticket.ticketId());
      return;
    }
    TicketFacts facts =
        new TicketFacts(
            ticket.ticketId(),
            ticket.ticketNumber(),
            ticket.customerId(),
            ticket.customerTier(),
            ticket.ticketType(),
            ticket.channel(),
            ticket.category(),
            ticket.title(),
            ticket.description(),
            ticket.region(),
            ticket.openedAt(),
            ticket.resolveBy());
    open(facts, 1, 0, Priority.parse(ticket.priority()));
  }

  /** The next round, one priority level higher, at the escalation level the ticket reached. */
  public void reopened(TicketReopened ticket) {
    TicketFacts facts =
        new TicketFacts(
            ticket.ticketId(),
            ticket.ticketNumber(),
            ticket.customerId(),
            ticket.customerTier(),
            ticket.ticketType(),
            ticket.channel(),
            ticket.category(),
            ticket.title(),
            ticket.description(),
            ticket.region(),
            ticket.reopenedAt(),
            ticket.resolveBy());
    open(facts, ticket.round(), ticket.escalationLevel(), Priority.parse(ticket.priority()));
  }

  /**
   * Stores the work order unless the ticket has one for this round: a ticket may arrive again
   * (redelivery after a crash, the same ticket under a new event id), and its first work order
   * stays the only one of the round.
   */
  private void open(TicketFacts ticket, int round, int escalationLevel, Priority priority) {
    AggregateStore.Opened<WorkOrder> opened =
        workOrders.open(
            () -> workOrders.findRound(ticket.ticketId(), round),
            () -> route(ticket, round, escalationLevel, priority));
    if (opened.isNew()) {
      WorkOrder order = opened.aggregate();
      log.info(
          "Ticket {} round {} routed by rule {} into flow {} v{} as work order {}",
          ticket.ticketId(),
          round,
          order.routingRule(),
          order.templateId(),
          order.templateVersion(),
          order.id());
    } else {
      log.info("Ticket {} has a work order for round {} already", ticket.ticketId(), round);
    }
  }

  private Change<WorkOrder> route(
      TicketFacts ticket, int round, int escalationLevel, Priority priority) {
    ConfigurationSnapshot current = configuration.current();
    RoutingDecision routing =
        current
            .router()
            .route(
                new RoutingRequest(
                    ticket.ticketType(),
                    ticket.category(),
                    ticket.title(),
                    ticket.description(),
                    ticket.customerTier(),
                    ticket.region(),
                    ticket.channel(),
                    priority));
    // A rule left pointing at a template that is gone must not lose the ticket.
    FlowTemplate flow =
        current
            .latest(routing.template())
            .or(() -> current.latest(StandardFlows.SERVICE_REQUEST))
            .orElseThrow(() -> new IllegalStateException("no flow template to route into"));
    Instant now = moves.now();
    WorkOrderChange opened =
        WorkOrder.open(
            UUID.randomUUID().toString(),
            ticket,
            round,
            escalationLevel,
            routing,
            flow,
            now,
            current.departments());
    WorkOrderChange change = assignment.assignReady(opened, current.departments(), now);
    return Change.of(
        change.order(), events.of(change, current.departments(), change.order().createdAt()));
  }
}
