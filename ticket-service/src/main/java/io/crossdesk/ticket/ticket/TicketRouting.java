package io.crossdesk.ticket.ticket;

import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Records that a ticket's work order reached the department that must act on it. */
@Service
public class TicketRouting {

  private final TicketStore tickets;

  TicketRouting(TicketStore tickets) {
    this.tickets = tickets;
  }

  /**
   * Idempotent: a ticket already routed to this work order stays as it is.
   *
   * @throws TicketNotYetKnownException when the ticket is not stored (yet)
   */
  public void routed(
      String ticketId, String workOrderId, String department, Instant at, String actor) {
    Ticket ticket =
        tickets.find(ticketId).orElseThrow(() -> new TicketNotYetKnownException(ticketId));
    if (ticket.isRoutedTo(workOrderId)) {
      return;
    }
    tickets.update(ticket.routeTo(workOrderId, department, at, actor), List.of());
  }
}
