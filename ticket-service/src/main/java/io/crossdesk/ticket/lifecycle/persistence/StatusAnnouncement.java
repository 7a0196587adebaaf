package io.crossdesk.ticket.lifecycle.persistence;

import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.ticket.lifecycle.domain.Ticket;

/**
 * Adds to a ticket's change the announcement that its status moved, whatever decision moved it, so
 * that no command has to remember to. The ticket store applies it to every change it writes.
 */
@FunctionalInterface
public interface StatusAnnouncement {

  /** {@code change} of {@code before}, with a status-changed event when the status moved. */
  Change<Ticket> announce(Ticket before, Change<Ticket> change);
}
