package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.contracts.workorder.ComplaintResolved;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderResolved;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepStarted;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntryType;
import io.crossdesk.ticket.lifecycle.persistence.TicketNotYetKnownException;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Follows the work that departments do for tickets: a step routed to a department, a complaint
 * resolved, a work order completed. Each event changes its ticket once, however often it is
 * delivered: the aggregate store keeps the ids of the events a ticket applied. Entries are dated by
 * this service's clock, like every other entry, rather than by workorder-service's, whose clock may
 * differ and would put the timeline out of order.
 */
@Service
public class WorkOrderProgress {

  private final TicketStore tickets;
  private final TicketEvents events;
  private final TicketClocks clocks;

  WorkOrderProgress(TicketStore tickets, TicketEvents events, TicketClocks clocks) {
    this.tickets = tickets;
    this.events = events;
    this.clocks = clocks;
  }

  /**
   * @throws TicketNotYetKnownException when the ticket is not stored (yet)
   */
  public void routed(String eventId, WorkOrderRouted routed) {
    tickets.apply(
        routed.ticketId(),
        eventId,
        ticket ->
            ticket.isRoutedTo(routed.workOrderId(), routed.department())
                ? Change.none(ticket)
                : Change.of(
                    expecting(
                        ticket.routeTo(
                            routed.workOrderId(),
                            routed.department(),
                            routed.departmentName(),
                            now(),
                            eventId),
                        routed.expectedCompletion())));
  }

  /** A department started its step: the customer sees work has begun. */
  public void stepStarted(String eventId, WorkOrderStepStarted started) {
    tickets.apply(
        started.ticketId(),
        eventId,
        ticket -> {
          if (!started.workOrderId().equals(ticket.workOrderId())) {
            return Change.none(ticket);
          }
          Ticket changed =
              ticket.startWork(
                  "Work started: " + started.stepName(), started.department(), now(), eventId);
          return Change.of(expecting(changed, started.expectedCompletion()));
        });
  }

  /**
   * A department finished its step, whatever its outcome (a step sent back is a different event).
   */
  public void stepCompleted(String eventId, WorkOrderStepCompleted completed) {
    tickets.apply(
        completed.ticketId(),
        eventId,
        ticket -> {
          if (!completed.workOrderId().equals(ticket.workOrderId())) {
            return Change.none(ticket);
          }
          Ticket changed =
              ticket.inform(
                  TimelineEntryType.STEP_FINISHED,
                  "Done: " + completed.stepName(),
                  completed.department(),
                  now(),
                  eventId);
          return Change.of(expecting(changed, completed.expectedCompletion()));
        });
  }

  /**
   * Shows the customer when the work is now expected to be done, each new prediction once, in words
   * rather than as a bare timestamp, in the time zone of the desk's business calendar (the one the
   * ticket's SLA is counted in).
   */
  private Ticket expecting(Ticket ticket, Instant expectedCompletion) {
    if (expectedCompletion == null || !ticket.status().isOpen()) {
      return ticket;
    }
    String ref = "expected-completion:" + expectedCompletion;
    if (ticket.hasRecorded(ref)) {
      return ticket;
    }
    return ticket.inform(
        TimelineEntryType.EXPECTED_COMPLETION,
        "We expect to complete your request by " + inDeskTime(ticket, expectedCompletion),
        "crossdesk",
        now(),
        ref);
  }

  /** The responsible department resolved a complaint: the customer is asked to confirm. */
  public void complaintResolved(String eventId, ComplaintResolved resolved) {
    resolve(
        eventId,
        resolved.ticketId(),
        resolved.workOrderId(),
        resolved.resolution(),
        resolved.resolvedBy(),
        resolved.responsibleDepartment());
  }

  /**
   * The work that resolves the request is done and only the follow-up call-back is left: the
   * customer is asked to confirm now, not after the call-back.
   */
  public void workResolved(String eventId, WorkOrderResolved resolved) {
    resolveByWork(
        eventId,
        resolved.ticketId(),
        resolved.workOrderId(),
        resolved.resolution(),
        resolved.department());
  }

  /**
   * All the work is done. A ticket resolved earlier in this round (its complaint resolved, or its
   * work done before the follow-up call-back) stays as it is: the customer was asked already.
   */
  public void completed(String eventId, WorkOrderCompleted completed) {
    resolveByWork(
        eventId,
        completed.ticketId(),
        completed.workOrderId(),
        completed.resolution(),
        completed.department());
  }

  private void resolveByWork(
      String eventId, String ticketId, String workOrderId, String resolution, String department) {
    resolve(
        eventId,
        ticketId,
        workOrderId,
        resolution == null ? "The work is done." : resolution,
        department == null ? "crossdesk" : department,
        department);
  }

  private void resolve(
      String eventId,
      String ticketId,
      String workOrderId,
      String summary,
      String by,
      String department) {
    tickets.apply(
        ticketId,
        eventId,
        ticket -> {
          if (!ticket.status().isOpen() || !workOrderId.equals(ticket.workOrderId())) {
            return Change.none(ticket);
          }
          Instant at = now();
          Ticket resolved =
              ticket.resolve(new Resolution(summary, by, department, at, false), eventId);
          return Change.of(resolved, events.resolved(resolved));
        });
  }

  private static final DateTimeFormatter EXPECTED =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

  private String inDeskTime(Ticket ticket, Instant at) {
    return inWords(at, clocks.calendar(ticket).zone());
  }

  /** "Thursday 3 December 2026, 15:00 UTC", or "Thursday 3 December 2026, 23:00 Asia/Shanghai". */
  static String inWords(Instant at, ZoneId zone) {
    String zoneName = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    return EXPECTED.format(at.atZone(zone)) + " " + zoneName;
  }

  private Instant now() {
    return clocks.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
