package io.crossdesk.ticket.lifecycle.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntry;
import io.crossdesk.ticket.sla.domain.TargetStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A ticket as callers see it. Customers see the public timeline only, and neither the escalation
 * level nor the desk's internal fields; staff see everything.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(
    String id,
    String number,
    String customerId,
    String customerTier,
    String type,
    String status,
    String channel,
    String category,
    String priority,
    String title,
    String description,
    String owner,
    String department,
    String workOrderId,
    String sourceSystem,
    String externalId,
    Instant openedAt,
    Instant resolveBy,
    Sla sla,
    Integer escalationLevel,
    int round,
    ResolutionView resolution,
    String closeReason,
    String mergedInto,
    List<TimelineEntryView> timeline) {

  static TicketView of(Ticket ticket, TicketClocks clocks, boolean staff) {
    TargetStatus resolution = clocks.resolution(ticket);
    return new TicketView(
        ticket.id(),
        ticket.number(),
        ticket.customerId(),
        ticket.customerTier().name(),
        ticket.type().name(),
        ticket.status().name(),
        ticket.channel().name(),
        ticket.category(),
        ticket.priority().name(),
        ticket.title(),
        ticket.description(),
        ticket.owner(),
        ticket.department(),
        ticket.workOrderId(),
        ticket.origin().sourceSystem(),
        ticket.origin().externalId(),
        ticket.openedAt(),
        resolution.dueAt(),
        new Sla(
            ticket.sla().policyVersion(),
            ticket.sla().isPaused(),
            TargetView.of(clocks.firstResponse(ticket)),
            TargetView.of(resolution)),
        staff ? ticket.escalationLevel() : null,
        ticket.round(),
        ticket.resolution() == null ? null : ResolutionView.of(ticket.resolution()),
        ticket.closeReason() == null ? null : ticket.closeReason().name(),
        ticket.mergedInto(),
        ticket.timeline().stream()
            .filter(entry -> staff || entry.isPublic())
            .map(TimelineEntryView::of)
            .toList());
  }

  /** The ticket's service levels now, under the policy version it was opened with. */
  public record Sla(
      int policyVersion, boolean paused, TargetView firstResponse, TargetView resolution) {}

  /**
   * One target: {@code timeLeft} is business time, ISO-8601 (negative once overdue); {@code dueAt}
   * is absent while the clock is paused before the target fell due.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TargetView(
      String target,
      Instant dueAt,
      String timeLeft,
      boolean paused,
      boolean met,
      boolean breached) {

    static TargetView of(TargetStatus status) {
      return new TargetView(
          status.target().toString(),
          status.dueAt(),
          status.timeLeft().truncatedTo(ChronoUnit.SECONDS).toString(),
          status.paused(),
          status.met(),
          status.breached());
    }
  }

  /** How it was resolved. */
  public record ResolutionView(
      String summary,
      String resolvedBy,
      String department,
      Instant resolvedAt,
      boolean firstContact) {

    static ResolutionView of(Resolution resolution) {
      return new ResolutionView(
          resolution.summary(),
          resolution.resolvedBy(),
          resolution.department(),
          resolution.resolvedAt(),
          resolution.firstContact());
    }
  }

  /** One step of the timeline; {@code fromTicket} marks entries a merge brought over. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TimelineEntryView(
      Instant at, String type, String visibility, String text, String actor, String fromTicket) {

    static TimelineEntryView of(TimelineEntry entry) {
      return new TimelineEntryView(
          entry.at(),
          entry.type().name(),
          entry.visibility().name(),
          entry.text(),
          entry.actor(),
          entry.fromTicket());
    }
  }
}
