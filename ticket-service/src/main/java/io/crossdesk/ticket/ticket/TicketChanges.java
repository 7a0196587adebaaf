package io.crossdesk.ticket.ticket;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.util.List;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The one way a stored ticket changes: read it, apply a change, keep its timers in step, store it
 * with the change's events. A change that lost the race with another one is applied again to the
 * fresh ticket, a few times; the domain decides again, so a move that became illegal meanwhile
 * fails as it should.
 */
@Component
public class TicketChanges {

  private static final int ATTEMPTS = 5;

  private final TicketStore tickets;
  private final TicketDeadlines deadlines;

  TicketChanges(TicketStore tickets, TicketDeadlines deadlines) {
    this.tickets = tickets;
    this.deadlines = deadlines;
  }

  /** The changed ticket and what it announces; {@link #unchanged} when there is nothing to do. */
  public record Outcome(Ticket ticket, List<EventMessage> events) {

    public static Outcome of(Ticket ticket, EventMessage... events) {
      return new Outcome(ticket, List.of(events));
    }
  }

  public static Outcome unchanged(Ticket ticket) {
    return new Outcome(ticket, null);
  }

  /**
   * @throws TicketNotYetKnownException when there is no such ticket
   */
  public Ticket apply(String ticketId, Function<Ticket, Outcome> change) {
    for (int attempt = 1; ; attempt++) {
      Ticket stored =
          tickets.find(ticketId).orElseThrow(() -> new TicketNotYetKnownException(ticketId));
      Outcome outcome = change.apply(stored);
      if (outcome.events() == null || (outcome.events().isEmpty() && outcome.ticket() == stored)) {
        // nothing to store: a write would only raise the version
        return outcome.ticket();
      }
      deadlines.follow(stored, outcome.ticket());
      try {
        tickets.update(outcome.ticket(), outcome.events());
        return outcome.ticket();
      } catch (OptimisticLockingFailureException lost) {
        if (attempt == ATTEMPTS) {
          throw lost;
        }
      }
    }
  }
}
