package io.crossdesk.ticket.ticket;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Finds tickets as the caller may see them: staff see every ticket, customers only their own. */
@Service
public class TicketLookup {

  static final int LIST_LIMIT = 100;

  private final TicketStore tickets;

  TicketLookup(TicketStore tickets) {
    this.tickets = tickets;
  }

  /**
   * @throws NotFoundException when there is no such ticket or it is another customer's, which a
   *     customer may not even learn exists
   */
  public Ticket find(Caller caller, String ticketId) {
    return tickets
        .find(ticketId)
        .filter(ticket -> !caller.isOnlyCustomer() || ticket.isFor(caller.customerId()))
        .orElseThrow(() -> new NotFoundException("No ticket " + ticketId + "."));
  }

  /** Newest first, at most {@value #LIST_LIMIT}. */
  public List<Ticket> search(Caller caller, TicketFilter filter) {
    if (caller.isOnlyCustomer()) {
      if (caller.customerId() == null
          || (filter.customerId() != null
              && !Objects.equals(filter.customerId(), caller.customerId()))) {
        return List.of();
      }
      filter = filter.forCustomer(caller.customerId());
    }
    return tickets.search(filter, LIST_LIMIT);
  }
}
