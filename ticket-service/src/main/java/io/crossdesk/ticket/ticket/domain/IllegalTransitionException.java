package io.crossdesk.ticket.ticket.domain;

/** A ticket was asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends RuntimeException {

  public IllegalTransitionException(String ticketId, TicketStatus from, TicketStatus to) {
    super("ticket " + ticketId + " cannot move from " + from + " to " + to);
  }
}
