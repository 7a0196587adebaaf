package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import io.crossdesk.ticket.sla.domain.SlaTargets;
import io.crossdesk.ticket.sla.domain.TargetStatus;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads a ticket's SLA clock in the calendar and targets of the policy version it was opened under.
 */
@Component
public class TicketClocks {

  private final SlaPolicies policies;
  private final Clock clock;

  TicketClocks(SlaPolicies policies, Clock clock) {
    this.policies = policies;
    this.clock = clock;
  }

  public SlaPolicy policyOf(Ticket ticket) {
    return policies.version(ticket.sla().policyVersion());
  }

  public SlaTargets targets(Ticket ticket, Classification classification) {
    return policyOf(ticket)
        .targetsFor(classification.tier(), classification.priority(), classification.type());
  }

  public TargetStatus firstResponse(Ticket ticket) {
    return ticket.sla().firstResponse(calendar(ticket), clock.instant());
  }

  public TargetStatus resolution(Ticket ticket) {
    return ticket.sla().resolution(calendar(ticket), clock.instant());
  }

  /** The resolution deadline; while the clock is paused, the deadline were it resumed now. */
  public Instant resolveBy(Ticket ticket) {
    var sla = ticket.sla().isPaused() ? ticket.sla().resume(clock.instant()) : ticket.sla();
    return sla.whenResolutionShareElapsed(calendar(ticket), 100);
  }

  public List<Integer> escalationPercents(Ticket ticket) {
    return policyOf(ticket)
        .escalationPercents(ticket.customerTier(), ticket.classification().keyAccount());
  }

  /**
   * Business time from the ticket's opening to {@code moment} in its policy's calendar, pauses left
   * out; null for no moment.
   */
  public Duration businessTimeUntil(Ticket ticket, Instant moment) {
    return moment == null ? null : ticket.sla().elapsed(calendar(ticket), moment);
  }

  public BusinessCalendar calendar(Ticket ticket) {
    return policies.calendar(ticket.sla().policyVersion());
  }

  public Instant now() {
    return clock.instant();
  }
}
