package io.crossdesk.ticket.ticket;

import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's two timers in step with its state: the next escalation threshold while it is
 * worked on, and the auto-close while it waits for the customer's confirmation. Called with the
 * changed ticket before it is stored, so a crash after scheduling leaves at worst a timer whose
 * ticket no longer needs it; its handler re-reads the ticket and does nothing then.
 */
@Component
public class TicketDeadlines {

  static final String ESCALATION = "ticket.escalation";
  static final String AUTO_CLOSE = "ticket.auto-close";

  private final Deadlines deadlines;
  private final TicketClocks clocks;

  TicketDeadlines(Deadlines deadlines, TicketClocks clocks) {
    this.deadlines = deadlines;
    this.clocks = clocks;
  }

  /** Reschedules what {@code changed} needs, when anything its timers follow changed. */
  void follow(Ticket before, Ticket changed) {
    if (before != null
        && before.status() == changed.status()
        && before.round() == changed.round()
        && before.thresholdsPassed() == changed.thresholdsPassed()
        && Objects.equals(before.sla(), changed.sla())
        && before.classification().equals(changed.classification())) {
      return;
    }
    Instant nextThreshold = nextThreshold(changed);
    if (nextThreshold == null) {
      if (before != null) {
        deadlines.cancel(key(ESCALATION, changed));
      }
    } else {
      deadlines.schedule(key(ESCALATION, changed), nextThreshold, round(changed));
    }
    if (changed.status() == TicketStatus.RESOLVED) {
      Duration wait = clocks.policyOf(changed).autoCloseWait();
      deadlines.schedule(
          key(AUTO_CLOSE, changed), changed.resolution().resolvedAt().plus(wait), round(changed));
    } else if (before != null && before.status() == TicketStatus.RESOLVED) {
      deadlines.cancel(key(AUTO_CLOSE, changed));
    }
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
