package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.lifecycle.domain.Category;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.PriorityDefaults;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import io.crossdesk.ticket.lifecycle.persistence.Categories;
import io.crossdesk.ticket.lifecycle.persistence.TicketNumbers;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Opens tickets: classifies them from the catalogue, the customer's tier and the type, places them
 * in the region asked for or else the customer's, numbers them, starts their SLA clock under the
 * current policy and announces them with TicketOpened.
 */
@Service
public class TicketOpening {

  private final TicketStore tickets;
  private final TicketNumbers numbers;
  private final Categories categories;
  private final SlaPolicies policies;
  private final TicketEvents events;
  private final Clock clock;

  TicketOpening(
      TicketStore tickets,
      TicketNumbers numbers,
      Categories categories,
      SlaPolicies policies,
      TicketEvents events,
      Clock clock) {
    this.tickets = tickets;
    this.numbers = numbers;
    this.categories = categories;
    this.policies = policies;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A person opens a ticket for a customer.
   *
   * @param owner who answers for it: the agent who received it, or the service-center desk
   * @param firstContactResolution how the agent resolved a consultation while opening it, or null
   */
  public Ticket open(
      TicketDraft draft,
      KnownCustomer customer,
      Origin origin,
      String owner,
      String firstContactResolution) {
    return open(
        UUID.randomUUID().toString(), draft, customer, origin, owner, firstContactResolution);
  }

  /**
   * {@link #open(TicketDraft, KnownCustomer, Origin, String, String)} under an id chosen before,
   * for an origin that names the ticket by its id.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the origin's request opened a ticket
   *     already
   */
  public Ticket open(
      String id,
      TicketDraft draft,
      KnownCustomer customer,
      Origin origin,
      String owner,
      String firstContactResolution) {
    Ticket ticket = newTicket(id, draft, customer, origin, owner);
    List<EventMessage> announced = new ArrayList<>();
    if (firstContactResolution != null) {
      if (ticket.type() != TicketType.CONSULTATION) {
        throw new InvalidTicketException(
            "resolution", "only a CONSULTATION can be resolved while it is opened");
      }
      ticket =
          ticket.resolve(
              new Resolution(
                  firstContactResolution, origin.openedBy(), null, ticket.openedAt(), true));
      announced.add(events.opened(ticket));
      announced.add(events.resolved(ticket));
    } else {
      announced.add(events.opened(ticket));
    }
    return tickets.insert(ticket, announced);
  }

  /**
   * Another system asks for a ticket. However often the same request arrives, it opens one ticket:
   * a request seen before, or opened concurrently (the unique index), returns that ticket.
   */
  public Ticket openRequested(TicketDraft draft, KnownCustomer customer, Origin origin) {
    return tickets.open(
        () -> tickets.findByIntakeRequest(origin.sourceSystem(), origin.externalId()),
        () -> {
          Ticket ticket =
              newTicket(
                  UUID.randomUUID().toString(),
                  draft,
                  customer,
                  origin,
                  Ticket.SERVICE_CENTER_DESK);
          return Change.of(ticket, events.opened(ticket));
        });
  }

  private Ticket newTicket(
      String id, TicketDraft draft, KnownCustomer customer, Origin origin, String owner) {
    Category category = categories.catalogue().require(draft.category());
    TicketType type = draft.type() != null ? draft.type() : category.defaultType();
    Priority priority =
        draft.priority() != null
            ? draft.priority()
            : PriorityDefaults.of(category, type, customer.tier(), customer.keyAccount());
    Classification classification =
        new Classification(customer.tier(), customer.keyAccount(), type, priority);
    SlaPolicy policy = policies.current();
    // Stored times have millisecond precision; the event must say the same as the stored ticket.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return Ticket.open(
        id,
        numbers.next(),
        draft.inRegionUnlessGiven(customer.region()),
        classification,
        origin,
        owner,
        now,
        policy.version(),
        policy.targetsFor(customer.tier(), priority, type));
  }
}
