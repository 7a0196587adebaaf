package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.aggregate.SideWrites;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's two timers in step with its state: the next escalation threshold while it is
 * worked on, and the auto-close while it waits for the customer's confirmation. Called with the
 * changed ticket by the aggregate store before it is written, so a crash after scheduling leaves at
 * worst a timer whose ticket no longer needs it; its handler re-reads the ticket and does nothing
 * then.
 */
@Component
public class TicketDeadlines implements SideWrites<Ticket> {

  static final String ESCALATION = "ticket.escalation";
  static final String AUTO_CLOSE = "ticket.auto-close";

  private final Deadlines deadlines;
  private final TicketClocks clocks;

  TicketDeadlines(Deadlines deadlines, TicketClocks clocks) {
    this.deadlines = deadlines;
    this.clocks = clocks;
  }

  /**
   * Reschedules what {@code changed} needs, when anything its timers follow changed. A timer whose
   * due time and data come out the same as for {@code before} is left as it is: {@code before} was
   * stored after its timers were scheduled, so they are in place already. That makes the moves that
   * do not touch the clock (routed, work started) cost no store write for the timers.
   */
  @Override
  public void before(Ticket before, Ticket changed) {
    if (before != null
        && before.status() == changed.status()
        && before.round() == changed.round()
        && before.thresholdsPassed() == changed.thresholdsPassed()
        && Objects.equals(before.sla(), changed.sla())
        && before.classification().equals(changed.classification())) {
      return;
    }
    boolean sameRound = before != null && before.round() == changed.round();
    Instant nextThreshold = nextThreshold(changed);
    if (sameRound && Objects.equals(nextThreshold(before), nextThreshold)) {
      // the escalation timer stands as it was scheduled (or cancelled) for before
    } else if (nextThreshold == null) {
      if (before != null) {
        deadlines.cancel(key(ESCALATION, changed));
      }
    } else {
      deadlines.schedule(key(ESCALATION, changed), nextThreshold, round(changed));
    }
    Instant autoClose = autoCloseAt(changed);
    if (sameRound && Objects.equals(autoCloseAt(before), autoClose)) {
      return;
    }
    if (autoClose != null) {
      deadlines.schedule(key(AUTO_CLOSE, changed), autoClose, round(changed));
    } else if (before != null && before.status() == TicketStatus.RESOLVED) {
      deadlines.cancel(key(AUTO_CLOSE, changed));
    }
  }

  private Instant autoCloseAt(Ticket ticket) {
    if (ticket.status() != TicketStatus.RESOLVED) {
      return null;
    }
    Duration wait = clocks.policyOf(ticket).autoCloseWait();
    return ticket.resolution().resolvedAt().plus(wait);
  }

  /** When the next escalation threshold falls due, or null when none applies (paused, done). */
  Instant nextThreshold(Ticket ticket) {
    List<Integer> percents = clocks.escalationPercents(ticket);
    if (!ticket.status().isWorking() || ticket.thresholdsPassed() >= percents.size()) {
      return null;
    }
    return ticket
        .sla()
        .whenResolutionShareElapsed(
            clocks.calendar(ticket), percents.get(ticket.thresholdsPassed()));
  }

  private static DeadlineKey key(String kind, Ticket ticket) {
    return new DeadlineKey(kind, ticket.id(), "resolution");
  }

  private static Map<String, String> round(Ticket ticket) {
    return Map.of("round", Integer.toString(ticket.round()));
  }
}
