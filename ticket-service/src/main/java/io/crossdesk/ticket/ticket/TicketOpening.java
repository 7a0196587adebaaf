package io.crossdesk.ticket.ticket;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.sla.domain.ResolutionPolicy;
import io.crossdesk.ticket.ticket.domain.Origin;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TicketDraft;
import io.crossdesk.ticket.ticket.persistence.TicketStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Opens tickets, with their resolution deadline, and announces them with TicketOpened. */
@Service
public class TicketOpening {

  private final TicketStore tickets;
  private final ResolutionPolicy policy;
  private final Events events;
  private final Clock clock;

  TicketOpening(TicketStore tickets, ResolutionPolicy policy, Events events, Clock clock) {
    this.tickets = tickets;
    this.policy = policy;
    this.events = events;
    this.clock = clock;
  }

  /** A person opens a ticket for a customer. */
  public Ticket open(TicketDraft draft, KnownCustomer customer, Origin origin) {
    Ticket ticket = newTicket(draft, customer, origin);
    tickets.insert(ticket, List.of(opened(ticket)));
    return ticket;
  }

  /**
   * Another system asks for a ticket. However often the same request arrives, it opens one ticket:
   * a request seen before, or opened concurrently (the unique index), returns that ticket.
   */
  public Ticket openRequested(TicketDraft draft, KnownCustomer customer, Origin origin) {
    return tickets
        .findByIntakeRequest(origin.sourceSystem(), origin.externalId())
        .orElseGet(
            () -> {
              try {
                return open(draft, customer, origin);
              } catch (DuplicateKeyException openedConcurrently) {
                return tickets
                    .findByIntakeRequest(origin.sourceSystem(), origin.externalId())
                    .orElseThrow(() -> openedConcurrently);
              }
            });
  }

  private Ticket newTicket(TicketDraft draft, KnownCustomer customer, Origin origin) {
    // Stored times have millisecond precision; the event must say the same as the stored ticket.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return Ticket.open(
        UUID.randomUUID(),
        draft,
        customer.tier(),
        origin,
        now,
        policy.resolveBy(now, customer.tier(), draft.priority()));
  }

  private EventMessage opened(Ticket ticket) {
    return events.create(
        ticket.id().toString(),
        new TicketOpened(
            ticket.id().toString(),
            ticket.customerId(),
            ticket.customerTier().name(),
            ticket.channel().name(),
            ticket.category(),
            ticket.priority().name(),
            ticket.title(),
            ticket.description(),
            ticket.origin().openedBy(),
            ticket.origin().sourceSystem(),
            ticket.origin().externalId(),
            ticket.openedAt(),
            ticket.resolveBy(),
            null,
            null,
            null,
            null));
  }
}
