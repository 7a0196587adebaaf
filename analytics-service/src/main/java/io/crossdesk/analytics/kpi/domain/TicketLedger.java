package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import java.util.List;

/** What each of a ticket's events adds to the KPIs (docs/analytics.md defines them). */
public final class TicketLedger implements Ledger<TicketState> {

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
              opened.openedAt(),
              opened.customerTier(),
              opened.channel(),
              opened.ticketType(),
              opened.category(),
              opened.region());
      Contribution.Builder adds =
          Contribution.at(opened.openedAt(), now.groups()).count(Counters.TICKETS_OPENED);
      if (now.isComplaint()) {
        adds.count(Counters.COMPLAINTS_OPENED);
      }
      return new Folded<>(now, List.of(adds.build()));
    }
    if (event instanceof TicketResolved resolved) {
      TicketState now =
          state.withDepartment(resolved.department()).withTier(resolved.customerTier());
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
      if (resolved.firstContact()) {
        adds.count(Counters.RESOLVED_AT_FIRST_CONTACT);
      }
      if (now.isComplaint()) {
        adds.count(Counters.COMPLAINTS_RESOLVED);
      }
      return new Folded<>(now, List.of(adds.build()));
    }
    if (event instanceof TicketReopened reopened) {
      Contribution.Builder adds =
          Contribution.at(reopened.reopenedAt(), state.groups()).count(Counters.TICKETS_REOPENED);
      if (state.isComplaint()) {
        adds.count(Counters.COMPLAINTS_REOPENED);
      }
      return new Folded<>(state, List.of(adds.build()));
    }
    if (event instanceof TicketClosed closed) {
      return new Folded<>(
          state,
          List.of(
              Contribution.at(closed.closedAt(), state.groups())
                  .count(Counters.TICKETS_CLOSED)
                  .build()));
    }
    if (event instanceof TicketEscalated escalated) {
      TicketState now = state.withDepartment(escalated.department());
      boolean warning = escalated.thresholdPercent() != null && escalated.thresholdPercent() < 100;
      return new Folded<>(
          now,
          List.of(
              Contribution.at(escalated.escalatedAt(), now.groups())
                  .count(
                      warning
                          ? Counters.SLA_WARNINGS
                          : Counters.ESCALATIONS_LEVEL + escalated.level())
                  .build()));
    }
    if (event instanceof SatisfactionRecorded rated) {
      TicketState now = state.withDepartment(rated.department());
      return new Folded<>(
          now,
          List.of(
              Contribution.at(rated.recordedAt(), now.groups())
                  .count(Counters.SURVEYS_ANSWERED)
                  .add(Counters.SATISFACTION_POINTS, rated.score())
                  .count(Counters.SATISFACTION_SCORE + rated.score())
                  .build()));
    }
    return new Folded<>(state, List.of());
  }
}
