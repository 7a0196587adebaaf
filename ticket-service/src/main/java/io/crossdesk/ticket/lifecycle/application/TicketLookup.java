package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketNumber;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.domain.TicketPage;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import java.util.List;
import org.springframework.stereotype.Service;

/** Finds tickets as the caller may see them (see {@link TicketAccess}). */
@Service
public class TicketLookup {

  private final TicketStore tickets;

  TicketLookup(TicketStore tickets) {
    this.tickets = tickets;
  }

  /**
   * By id or by readable number.
   *
   * @throws NotFoundException when there is no such ticket or the caller may not see it, which they
   *     may not even learn exists
   */
  public Ticket find(TicketAccess access, String idOrNumber) {
    return (TicketNumber.looksLikeOne(idOrNumber)
            ? tickets.findByNumber(idOrNumber)
            : tickets.find(idOrNumber))
        .filter(access::canSee)
        .orElseThrow(() -> new NotFoundException("No ticket " + idOrNumber + "."));
  }

  public TicketPage search(
      TicketAccess access, TicketFilter filter, TicketOrder order, int page, int size) {
    return access
        .restrict(filter)
        .map(visible -> tickets.search(visible, order, page, size))
        .orElse(new TicketPage(List.<Ticket>of(), page, size, false));
  }
}
