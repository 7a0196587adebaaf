package io.crossdesk.ticket.lifecycle.persistence;

import io.crossdesk.platform.consumer.NotYetKnownException;

/**
 * An event names a ticket this service has not stored yet. The platform retries it longer than
 * other failures: the ticket is stored before it is announced, so this is a rare race that resolves
 * itself.
 */
public class TicketNotYetKnownException extends NotYetKnownException {

  public TicketNotYetKnownException(String ticketId) {
    super("ticket " + ticketId + " is not known (yet)");
  }
}
