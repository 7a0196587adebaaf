package io.crossdesk.ticket.lifecycle.domain;

/** A ticket was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends TicketConflictException {

  public IllegalTransitionException(String ticketId, TicketStatus from, TicketStatus to) {
    super("Ticket " + ticketId + " is " + from + " and cannot become " + to + ".");
  }
}
