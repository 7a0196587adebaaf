package io.crossdesk.ticket.ticket;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.util.List;
import org.springframework.stereotype.Service;

/** Finds tickets as the caller may see them (see {@link TicketAccess}). */
@Service
public class TicketLookup {

  static final int LIST_LIMIT = 100;

  private final TicketStore tickets;

  TicketLookup(TicketStore tickets) {
    this.tickets = tickets;
  }

  /**
   * @throws NotFoundException when there is no such ticket or the caller may not see it, which they
   *     may not even learn exists
   */
  public Ticket find(TicketAccess access, String ticketId) {
    return tickets
        .find(ticketId)
        .filter(access::canSee)
        .orElseThrow(() -> new NotFoundException("No ticket " + ticketId + "."));
  }

  /** Newest first, at most {@value #LIST_LIMIT}. */
  public List<Ticket> search(TicketAccess access, TicketFilter filter) {
    return access
        .restrict(filter)
        .map(visible -> tickets.search(visible, LIST_LIMIT))
        .orElse(List.of());
  }
}
