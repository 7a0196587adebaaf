package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.aggregate.AggregateTimers;
import io.crossdesk.platform.aggregate.Timer;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A ticket's two timers, as its state needs them: the next escalation threshold while it is worked
 * on, and the auto-close while it waits for the customer's confirmation. The aggregate store writes
 * them into the ticket's own document with each change; a change that leaves their due times and
 * round as they were (routed, work started) leaves them as they were placed.
 */
@Component
public class TicketDeadlines implements AggregateTimers<Ticket> {

  static final String ESCALATION = "ticket.escalation";
  static final String AUTO_CLOSE = "ticket.auto-close";
  private static final String NAME = "resolution";

  private final TicketClocks clocks;

  TicketDeadlines(TicketClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(ESCALATION, AUTO_CLOSE);
  }

  @Override
  public List<Timer> of(Ticket ticket) {
    List<Timer> timers = new ArrayList<>(1);
    Map<String, String> round = Map.of("round", Integer.toString(ticket.round()));
    Instant nextThreshold = nextThreshold(ticket);
    if (nextThreshold != null) {
      timers.add(new Timer(ESCALATION, NAME, nextThreshold, round));
    }
    Instant autoClose = autoCloseAt(ticket);
    if (autoClose != null) {
      timers.add(new Timer(AUTO_CLOSE, NAME, autoClose, round));
    }
    return timers;
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
}
