package io.crossdesk.ticket.lifecycle.domain;

/**
 * A well-formed request that the ticket's state refuses: a second satisfaction score for the same
 * resolution, a merge across customers, ... It changes nothing and answers 409.
 */
public class TicketConflictException extends RuntimeException {

  public TicketConflictException(String message) {
    super(message);
  }
}
