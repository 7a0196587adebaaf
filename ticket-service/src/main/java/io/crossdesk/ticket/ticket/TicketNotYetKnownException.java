package io.crossdesk.ticket.ticket;

/**
 * An event names a ticket this service has not stored yet. Retryable: the outbox relay publishes a
 * ticket only after storing it, so this is a rare race that a retry resolves.
 */
public class TicketNotYetKnownException extends RuntimeException {

  public TicketNotYetKnownException(String ticketId) {
    super("ticket " + ticketId + " is not known (yet)");
  }
}
