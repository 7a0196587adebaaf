package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.contracts.notification.SurveyAnswered;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketConflictException;
import io.crossdesk.ticket.lifecycle.domain.Visibility;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/**
 * What people do to a ticket over the API. Each command finds the ticket as the caller may see it
 * (another customer's is "not found"), checks the caller may do it, and lets the domain decide.
 */
@Service
public class TicketCommands {

  /** Who recorded a satisfaction the customer gave through a survey link. */
  static final String SURVEY = "survey";

  private final TicketStore tickets;
  private final TicketEvents events;
  private final TicketClocks clocks;

  TicketCommands(TicketStore tickets, TicketEvents events, TicketClocks clocks) {
    this.tickets = tickets;
    this.events = events;
    this.clocks = clocks;
  }

  public Ticket comment(Caller caller, String id, String text, Visibility visibility) {
    TicketAccess access = TicketAccess.of(caller);
    if (visibility == Visibility.INTERNAL && !access.isStaff()) {
      throw new org.springframework.security.access.AccessDeniedException(
          "customers write public replies only");
    }
    return change(
        access,
        id,
        (ticket, at) ->
            Change.of(
                visibility == Visibility.INTERNAL
                    ? ticket.note(text, caller.subject(), at)
                    : ticket.reply(text, caller.subject(), access.isStaff(), at)));
  }

  public Ticket waitForCustomer(Caller caller, String id, String reason) {
    TicketAccess.checkDesk(caller);
    return change(
        caller,
        id,
        (ticket, at) -> {
          Ticket waiting = ticket.waitForCustomer(reason, caller.subject(), at);
          return Change.of(
              waiting, events.waitingForCustomer(waiting, reason, caller.subject(), at));
        });
  }

  public Ticket resume(Caller caller, String id) {
    TicketAccess.checkDesk(caller);
    return change(caller, id, (ticket, at) -> Change.of(ticket.resume(caller.subject(), at)));
  }

  public Ticket reclassify(
      Caller caller, String id, TicketType type, Priority priority, String reason) {
    TicketAccess.checkDesk(caller);
    return change(
        caller,
        id,
        (ticket, at) -> {
          Classification changed = ticket.classification();
          changed = type == null ? changed : changed.withType(type);
          changed = priority == null ? changed : changed.withPriority(priority);
          if (changed.equals(ticket.classification())) {
            throw new TicketConflictException(
                "Ticket " + ticket.number() + " has that type and priority already.");
          }
          Ticket reclassified =
              ticket.reclassify(
                  changed, clocks.targets(ticket, changed), reason, caller.subject(), at);
          return Change.of(
              reclassified,
              events.reclassified(ticket, reclassified, reason, caller.subject(), at));
        });
  }

  public Ticket transfer(Caller caller, String id, String to, String reason) {
    TicketAccess.checkDesk(caller);
    return change(
        caller,
        id,
        (ticket, at) -> Change.of(ticket.transferOwnership(to, reason, caller.subject(), at)));
  }

  public Ticket resolve(Caller caller, String id, String summary) {
    TicketAccess.checkDesk(caller);
    return change(
        caller,
        id,
        (ticket, at) -> {
          Ticket resolved =
              ticket.resolve(new Resolution(summary, caller.subject(), null, at, false));
          return Change.of(resolved, events.resolved(resolved));
        });
  }

  public Ticket confirm(Caller caller, String id) {
    return change(
        caller,
        id,
        (ticket, at) -> {
          Ticket closed = ticket.confirm(caller.subject(), at);
          return Change.of(closed, events.closed(closed, caller.subject(), at));
        });
  }

  public Ticket reject(Caller caller, String id, String reason) {
    return change(
        caller,
        id,
        (ticket, at) -> {
          Ticket reopened =
              ticket.reopen(
                  reason, clocks.targets(ticket, ticket.classification()), caller.subject(), at);
          return Change.of(
              reopened,
              events.reopened(reopened, reason, caller.subject(), at),
              events.escalated(reopened, "REOPENED", null, at));
        });
  }

  public Ticket cancel(Caller caller, String id, String reason) {
    return change(
        caller,
        id,
        (ticket, at) -> {
          Ticket cancelled = ticket.cancel(reason, caller.subject(), at);
          return Change.of(cancelled, events.closed(cancelled, caller.subject(), at));
        });
  }

  public Ticket rate(Caller caller, String id, int score, String comment) {
    return change(
        caller,
        id,
        (ticket, at) ->
            Change.of(
                ticket.rate(score, comment, caller.subject(), at),
                events.satisfaction(ticket, score, comment, caller.subject(), at)));
  }

  /**
   * The customer's answer to a satisfaction survey, recorded as their satisfaction with the
   * resolution the survey asked about, once: the event's id is kept with the change, and an answer
   * the ticket no longer takes ({@link Ticket#takesSurveyAnswer}) changes nothing.
   */
  public Ticket recordSurveyAnswer(String eventId, SurveyAnswered answer) {
    return tickets.apply(
        answer.ticketId(),
        eventId,
        ticket -> {
          if (!ticket.takesSurveyAnswer(answer.round(), answer.customerId())) {
            return Change.none(ticket);
          }
          Instant at = now();
          return Change.of(
              ticket.rate(answer.score(), answer.comment(), SURVEY, at),
              events.satisfaction(ticket, answer.score(), answer.comment(), SURVEY, at));
        });
  }

  /**
   * The survivor takes the duplicate's history first, then the duplicate closes: should the second
   * write never happen, merging again completes it without copying anything twice.
   */
  public Ticket merge(Caller caller, String duplicateId, String survivorId) {
    TicketAccess.checkDesk(caller);
    TicketAccess access = TicketAccess.of(caller);
    Ticket duplicate = visible(access, duplicateId);
    visible(access, survivorId);
    tickets.change(
        survivorId, survivor -> Change.of(survivor.absorb(duplicate, caller.subject(), now())));
    Ticket survivor = visible(access, survivorId);
    return tickets.change(
        duplicateId,
        ticket -> {
          Instant at = now();
          Ticket merged = ticket.mergeInto(survivor, caller.subject(), at);
          return Change.of(merged, events.closed(merged, caller.subject(), at));
        });
  }

  private Ticket change(Caller caller, String id, Step step) {
    return change(TicketAccess.of(caller), id, step);
  }

  private Ticket change(TicketAccess access, String id, Step step) {
    visible(access, id);
    return tickets.change(id, ticket -> step.apply(ticket, now()));
  }

  private Ticket visible(TicketAccess access, String id) {
    return tickets
        .find(id)
        .filter(access::canSee)
        .orElseThrow(() -> new NotFoundException("No ticket " + id + "."));
  }

  private Instant now() {
    // Stored times have millisecond precision; the ticket in hand must equal the stored one.
    return clocks.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** One change to a ticket at a moment. */
  @FunctionalInterface
  private interface Step {
    Change<Ticket> apply(Ticket ticket, Instant at);
  }
}
