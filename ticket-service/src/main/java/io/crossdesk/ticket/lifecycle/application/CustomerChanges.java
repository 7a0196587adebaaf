package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/**
 * A customer's tier or key-account flag changed: their open tickets' targets follow, recomputed
 * from each ticket's history. Keyed by the event, so a redelivery changes nothing.
 */
@Service
public class CustomerChanges {

  private final TicketStore tickets;
  private final TicketClocks clocks;

  CustomerChanges(TicketStore tickets, TicketClocks clocks) {
    this.tickets = tickets;
    this.clocks = clocks;
  }

  public void customerChanged(
      String customerId, CustomerTier tier, boolean keyAccount, String eventId) {
    for (Ticket open : tickets.findOpenFor(customerId)) {
      tickets.apply(
          open.id(),
          eventId,
          ticket -> {
            var classification = ticket.classification().forCustomer(tier, keyAccount);
            Ticket changed =
                ticket.customerChanged(
                    tier,
                    keyAccount,
                    clocks.targets(ticket, classification),
                    clocks.now().truncatedTo(ChronoUnit.MILLIS),
                    eventId);
            return changed == ticket ? Change.none(ticket) : Change.of(changed);
          });
    }
  }
}
