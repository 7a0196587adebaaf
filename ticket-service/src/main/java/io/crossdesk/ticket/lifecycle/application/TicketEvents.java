package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReclassified;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.ticket.TicketStatusChanged;
import io.crossdesk.contracts.ticket.TicketWaitingForCustomer;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntry;
import io.crossdesk.ticket.lifecycle.persistence.StatusAnnouncement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The events a ticket's changes announce, each built from the changed ticket; and, for every change
 * the store writes, TicketStatusChanged when the status moved.
 */
@Component
public class TicketEvents implements StatusAnnouncement {

  private final Events events;
  private final TicketClocks clocks;

  TicketEvents(Events events, TicketClocks clocks) {
    this.events = events;
    this.clocks = clocks;
  }

  @Override
  public Change<Ticket> announce(Ticket before, Change<Ticket> change) {
    Ticket after = change.after();
    if (!change.changed() || after.status() == before.status()) {
      return change;
    }
    List<EventMessage> announced = new ArrayList<>(change.events());
    announced.add(statusChanged(before, after));
    return Change.of(after, announced);
  }

  private EventMessage statusChanged(Ticket before, Ticket after) {
    // The entry the change wrote last tells who moved it and why, as the customer's timeline does.
    TimelineEntry cause = after.timeline().get(after.timeline().size() - 1);
    return events.create(
        after.id(),
        new TicketStatusChanged(
            after.id(),
            after.number(),
            after.customerId(),
            after.origin().sourceSystem(),
            after.origin().externalId(),
            before.status().name(),
            after.status().name(),
            cause.text(),
            cause.actor() == null ? after.owner() : cause.actor(),
            cause.at()));
  }

  EventMessage reclassified(Ticket before, Ticket after, String reason, String by, Instant at) {
    return events.create(
        after.id(),
        new TicketReclassified(
            after.id(),
            after.number(),
            after.customerId(),
            after.origin().sourceSystem(),
            after.origin().externalId(),
            after.type().name(),
            after.priority().name(),
            before.type().name(),
            before.priority().name(),
            clocks.resolveBy(after),
            reason,
            by,
            at));
  }

  EventMessage opened(Ticket ticket) {
    return events.create(
        ticket.id(),
        new TicketOpened(
            ticket.id(),
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
            clocks.resolveBy(ticket),
            ticket.number(),
            ticket.type().name(),
            ticket.owner(),
            ticket.resolvedAtFirstContact(),
            ticket.region()));
  }

  EventMessage escalated(Ticket ticket, String reason, Integer percent, Instant at) {
    return events.create(
        ticket.id(),
        new TicketEscalated(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.customerTier().name(),
            ticket.category(),
            ticket.priority().name(),
            ticket.escalationLevel(),
            reason,
            percent,
            ticket.owner(),
            ticket.department(),
            clocks.resolveBy(ticket),
            at));
  }

  EventMessage resolved(Ticket ticket) {
    return events.create(
        ticket.id(),
        new TicketResolved(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.customerTier().name(),
            ticket.type().name(),
            ticket.category(),
            ticket.channel().name(),
            ticket.resolution().department(),
            ticket.resolution().summary(),
            ticket.resolution().resolvedBy(),
            ticket.resolution().firstContact(),
            clocks.resolution(ticket).breached(),
            ticket.round(),
            ticket.openedAt(),
            clocks.resolveBy(ticket),
            ticket.resolution().resolvedAt(),
            ticket.sla().respondedAt(),
            ticket.sla().respondedAt() == null ? null : clocks.firstResponse(ticket).breached(),
            seconds(clocks.businessTimeUntil(ticket, ticket.sla().respondedAt())),
            seconds(clocks.businessTimeUntil(ticket, ticket.resolution().resolvedAt()))));
  }

  private static Long seconds(java.time.Duration duration) {
    return duration == null ? null : duration.toSeconds();
  }

  EventMessage closed(Ticket ticket, String closedBy, Instant at) {
    return events.create(
        ticket.id(),
        new TicketClosed(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.type().name(),
            ticket.category(),
            ticket.closeReason().name(),
            ticket.mergedInto(),
            closedBy,
            at));
  }

  EventMessage reopened(Ticket ticket, String reason, String by, Instant at) {
    return events.create(
        ticket.id(),
        new TicketReopened(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.customerTier().name(),
            ticket.type().name(),
            ticket.channel().name(),
            ticket.category(),
            ticket.priority().name(),
            ticket.title(),
            ticket.description(),
            reason,
            ticket.escalationLevel(),
            ticket.round(),
            by,
            at,
            clocks.resolveBy(ticket),
            ticket.region()));
  }

  EventMessage waitingForCustomer(Ticket ticket, String needed, String by, Instant at) {
    return events.create(
        ticket.id(),
        new TicketWaitingForCustomer(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.customerTier().name(),
            ticket.priority().name(),
            needed,
            by,
            ticket.round(),
            at));
  }

  EventMessage satisfaction(Ticket ticket, int score, String comment, String by, Instant at) {
    return events.create(
        ticket.id(),
        new SatisfactionRecorded(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            ticket.type().name(),
            ticket.category(),
            ticket.resolution() == null ? ticket.department() : ticket.resolution().department(),
            score,
            comment,
            ticket.round(),
            by,
            at));
  }
}
