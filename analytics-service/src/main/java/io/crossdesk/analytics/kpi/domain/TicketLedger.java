package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import java.time.Instant;
import java.util.List;

/** What each of a ticket's events adds to the KPIs (docs/analytics.md defines them). */
public final class TicketLedger implements Ledger<TicketState> {

  /** A survey score at or below this is a sign of churn. */
  static final int LOW_SCORE = 2;

  @Override
  public TicketState unknown() {
    return TicketState.unknown();
  }

  @Override
  public Folded<TicketState> fold(TicketState before, String eventId, Object event) {
    if (before.hasCounted(eventId)) {
      return new Folded<>(before, List.of());
    }
    TicketState state = before.counting(eventId);
    if (event instanceof TicketOpened opened) {
      TicketState now =
          state.opened(
              opened.customerId(),
              opened.ticketNumber(),
              opened.openedAt(),
              opened.resolveBy(),
              opened.customerTier(),
              opened.channel(),
              opened.ticketType(),
              opened.category(),
              opened.region());
      Contribution.Builder adds =
          Contribution.at(opened.openedAt(), now.groups()).count(Counters.TICKETS_OPENED);
      if (!now.isComplaint()) {
        return new Folded<>(now, List.of(adds.build()));
      }
      adds.count(Counters.COMPLAINTS_OPENED);
      return new Folded<>(
          now,
          List.of(adds.build()),
          List.of(
              now.signal(
                  Signal.COMPLAINT_OPENED,
                  number(opened.ticketNumber(), opened.ticketId()),
                  opened.ticketId(),
                  opened.openedAt())));
    }
    if (event instanceof TicketResolved resolved) {
      TicketState now =
          state.withDepartment(resolved.department()).withTier(resolved.customerTier()).closed();
      Contribution.Builder adds =
          Contribution.at(resolved.resolvedAt(), now.groups())
              .count(Counters.TICKETS_RESOLVED)
              .count(
                  resolved.slaBreached()
                      ? Counters.RESOLUTION_SLA_BREACHED
                      : Counters.RESOLUTION_SLA_MET)
              .duration(
                  Counters.RESOLUTION_TIME,
                  now.openedAt() != null ? now.openedAt() : resolved.openedAt(),
                  resolved.resolvedAt());
      adds.seconds(Counters.RESOLUTION_BUSINESS_TIME, resolved.resolutionBusinessSeconds());
      if (resolved.round() == 1 && resolved.respondedAt() != null) {
        // The first response is counted once, with the ticket's first resolution.
        Instant openedAt = now.openedAt() != null ? now.openedAt() : resolved.openedAt();
        adds.duration(Counters.FIRST_RESPONSE_TIME, openedAt, resolved.respondedAt())
            .seconds(Counters.FIRST_RESPONSE_BUSINESS_TIME, resolved.responseBusinessSeconds());
        if (resolved.firstResponseBreached() != null) {
          adds.count(
              resolved.firstResponseBreached()
                  ? Counters.FIRST_RESPONSE_SLA_BREACHED
                  : Counters.FIRST_RESPONSE_SLA_MET);
        }
      }
      if (resolved.firstContact()) {
        adds.count(Counters.RESOLVED_AT_FIRST_CONTACT);
      }
      if (now.isComplaint()) {
        adds.count(Counters.COMPLAINTS_RESOLVED);
      }
      List<Signal> signals =
          resolved.slaBreached() && "A".equals(now.tier())
              ? List.of(
                  now.signal(
                      RiskReason.TIER_A_SLA_BREACH,
                      "Ticket "
                          + number(resolved.ticketNumber(), resolved.ticketId())
                          + " of a tier A customer was resolved after its target",
                      resolved.ticketId(),
                      resolved.resolvedAt()))
              : List.of();
      return new Folded<>(now, List.of(adds.build()), signals);
    }
    if (event instanceof TicketReopened reopened) {
      TicketState now = state.reopened(reopened.resolveBy());
      Contribution.Builder adds =
          Contribution.at(reopened.reopenedAt(), now.groups()).count(Counters.TICKETS_REOPENED);
      if (!now.isComplaint()) {
        return new Folded<>(now, List.of(adds.build()));
      }
      adds.count(Counters.COMPLAINTS_REOPENED);
      return new Folded<>(
          now,
          List.of(adds.build()),
          List.of(
              now.signal(
                  RiskReason.REOPENED_COMPLAINT,
                  "The resolution of complaint "
                      + number(reopened.ticketNumber(), reopened.ticketId())
                      + " was rejected: "
                      + reopened.reason(),
                  reopened.ticketId(),
                  reopened.reopenedAt())));
    }
    if (event instanceof TicketClosed closed) {
      return new Folded<>(
          state.closed(),
          List.of(
              Contribution.at(closed.closedAt(), state.groups())
                  .count(Counters.TICKETS_CLOSED)
                  .build()));
    }
    if (event instanceof TicketEscalated escalated) {
      TicketState now =
          state.withDepartment(escalated.department()).withTier(escalated.customerTier());
      boolean warning = escalated.thresholdPercent() != null && escalated.thresholdPercent() < 100;
      List<Contribution> adds =
          List.of(
              Contribution.at(escalated.escalatedAt(), now.groups())
                  .count(
                      warning
                          ? Counters.SLA_WARNINGS
                          : Counters.ESCALATIONS_LEVEL + escalated.level())
                  .build());
      if (warning || !"A".equals(now.tier())) {
        return new Folded<>(now, adds);
      }
      return new Folded<>(
          now,
          adds,
          List.of(
              now.signal(
                  RiskReason.TIER_A_SLA_BREACH,
                  "Ticket "
                      + number(escalated.ticketNumber(), escalated.ticketId())
                      + " of a tier A customer passed its target",
                  escalated.ticketId(),
                  escalated.escalatedAt())));
    }
    if (event instanceof SatisfactionRecorded rated) {
      TicketState now = state.withDepartment(rated.department());
      List<Contribution> adds =
          List.of(
              Contribution.at(rated.recordedAt(), now.groups())
                  .count(Counters.SURVEYS_ANSWERED)
                  .add(Counters.SATISFACTION_POINTS, rated.score())
                  .count(Counters.SATISFACTION_SCORE + rated.score())
                  .build());
      if (rated.score() > LOW_SCORE) {
        return new Folded<>(now, adds);
      }
      return new Folded<>(
          now,
          adds,
          List.of(
              now.signal(
                  RiskReason.LOW_SATISFACTION,
                  "Rated the resolution of "
                      + number(rated.ticketNumber(), rated.ticketId())
                      + " "
                      + rated.score()
                      + " of 5",
                  rated.ticketId(),
                  rated.recordedAt())));
    }
    return new Folded<>(state, List.of());
  }

  private static String number(String ticketNumber, String ticketId) {
    return ticketNumber != null ? ticketNumber : ticketId;
  }
}
