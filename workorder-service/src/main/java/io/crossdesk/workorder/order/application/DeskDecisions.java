package io.crossdesk.workorder.order.application;

import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.workorder.order.domain.DeskDecision;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Applies the desk's decisions about a ticket to the work order of the round they concern: a
 * resolution or a closing withdraws the work still open, a cancellation ends the work order, a
 * reopening supersedes the previous round's. A ticket with no work order for the round (resolved at
 * first contact) is left alone.
 */
@Service
public class DeskDecisions {

  private final WorkOrderStore workOrders;
  private final WorkOrderMoves moves;

  DeskDecisions(WorkOrderStore workOrders, WorkOrderMoves moves) {
    this.workOrders = workOrders;
    this.moves = moves;
  }

  public void resolved(String eventId, TicketResolved ticket) {
    apply(
        workOrders.findRound(ticket.ticketId(), ticket.round()),
        DeskDecision.resolved(
            ticket.resolution(), ticket.department(), ticket.resolvedBy(), eventId));
  }

  /** A closed ticket has no round of its own: it closes whatever its latest round left open. */
  public void closed(String eventId, TicketClosed ticket) {
    apply(
        workOrders.findLatestRound(ticket.ticketId()),
        DeskDecision.closed(ticket.reason(), ticket.mergedInto(), ticket.closedBy(), eventId));
  }

  public void reopened(String eventId, TicketReopened ticket) {
    apply(
        workOrders.findRound(ticket.ticketId(), ticket.round() - 1),
        DeskDecision.reopened(ticket.round(), ticket.reason(), ticket.reopenedBy(), eventId));
  }

  private void apply(Optional<WorkOrder> found, DeskDecision decision) {
    found.ifPresent(
        stored ->
            moves.apply(
                stored.id(),
                (order, configuration, now) ->
                    decision.applyTo(order, now, configuration.departments())));
  }
}
