package io.crossdesk.ticket.ticket;

import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/** Records that a ticket's work order reached the department that must act on it. */
@Service
public class TicketRouting {

  private final TicketStore tickets;
  private final Clock clock;

  TicketRouting(TicketStore tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * Idempotent: a ticket already routed to this work order stays as it is. The timeline entry is
   * dated by this service's clock, like every other entry, rather than by the routing service's,
   * whose clock may differ and would put the entries out of order.
   *
   * @throws TicketNotYetKnownException when the ticket is not stored (yet)
   */
  public void routed(String ticketId, String workOrderId, String department) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> new TicketNotYetKnownException(ticketId));
    if (ticket.isRoutedTo(workOrderId)) {
      return;
    }
    // Stored times have millisecond precision; the ticket in hand must equal the stored one.
    tickets.update(
        ticket.routeTo(workOrderId, department, clock.instant().truncatedTo(ChronoUnit.MILLIS)),
        List.of());
  }
}
