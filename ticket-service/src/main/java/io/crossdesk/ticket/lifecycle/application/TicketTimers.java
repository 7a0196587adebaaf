package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What a ticket's timers do when they fire. Each re-reads the ticket and acts only if the timer
 * still applies, so a timer fired twice (its instance died mid-way) or made stale by a later change
 * does nothing the second time.
 */
@Configuration(proxyBeanMethods = false)
class TicketTimers {

  /**
   * Escalates one level for every threshold the resolution clock has passed, so that thresholds
   * missed while every instance was down are caught up, each announced once.
   */
  @Bean
  DeadlineHandler ticketEscalation(TicketStore tickets, TicketEvents events, TicketClocks clocks) {
    return handler(
        TicketDeadlines.ESCALATION,
        fired ->
            tickets.change(
                fired.key().aggregateId(),
                ticket -> {
                  if (!sameRound(ticket, fired) || !ticket.status().isWorking()) {
                    return Change.none(ticket);
                  }
                  Instant at = clocks.now().truncatedTo(ChronoUnit.MILLIS);
                  Duration used = ticket.sla().elapsed(clocks.calendar(ticket), at);
                  long target = ticket.sla().targets().resolution().toMillis();
                  List<Integer> percents = clocks.escalationPercents(ticket);
                  List<EventMessage> announced = new ArrayList<>();
                  Ticket escalated = ticket;
                  for (int i = ticket.thresholdsPassed(); i < percents.size(); i++) {
                    if (used.toMillis() * 100 < target * percents.get(i)) {
                      break;
                    }
                    escalated = escalated.escalateAtThreshold(i + 1, percents.get(i), at);
                    announced.add(
                        events.escalated(escalated, "RESOLUTION_TARGET", percents.get(i), at));
                  }
                  return announced.isEmpty()
                      ? Change.none(ticket)
                      : Change.of(escalated, announced);
                }));
  }

  @Bean
  DeadlineHandler ticketAutoClose(TicketStore tickets, TicketEvents events, TicketClocks clocks) {
    return handler(
        TicketDeadlines.AUTO_CLOSE,
        fired ->
            tickets.change(
                fired.key().aggregateId(),
                ticket -> {
                  Instant at = clocks.now().truncatedTo(ChronoUnit.MILLIS);
                  Ticket closed = sameRound(ticket, fired) ? ticket.autoClose(at) : ticket;
                  return closed == ticket
                      ? Change.none(ticket)
                      : Change.of(closed, events.closed(closed, "crossdesk", at));
                }));
  }

  private static boolean sameRound(Ticket ticket, FiredDeadline fired) {
    return Integer.toString(ticket.round()).equals(fired.data().get("round"));
  }

  private static DeadlineHandler handler(
      String kind, java.util.function.Consumer<FiredDeadline> fire) {
    return new DeadlineHandler() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public void fire(FiredDeadline deadline) {
        fire.accept(deadline);
      }
    };
  }
}
