package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepReturned;
import io.crossdesk.contracts.workorder.WorkOrderTransferred;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each of a work order's events adds to the KPIs of the departments whose steps they are
 * (docs/analytics.md defines them).
 */
public final class WorkOrderLedger implements Ledger<WorkOrderState> {

  /** A call-back counts as prompt when done within this long of becoming due to be made. */
  static final Duration PROMPT_CALL_BACK = Duration.ofDays(3);

  private static final String FOLLOW_UP = "FOLLOW_UP";

  @Override
  public WorkOrderState unknown() {
    return WorkOrderState.unknown();
  }

  @Override
  public Folded<WorkOrderState> fold(WorkOrderState before, String eventId, Object event) {
    if (before.hasCounted(eventId)) {
      return new Folded<>(before, List.of());
    }
    WorkOrderState state = before.counting(eventId);
    if (event instanceof WorkOrderRouted routed) {
      WorkOrderState now = state.withCategory(routed.category());
      Contribution.Builder adds =
          Contribution.at(routed.routedAt(), groups(now, routed.department()))
              .count(Counters.STEPS_ROUTED);
      if (routed.ticketOpenedAt() != null) {
        adds.duration(Counters.ROUTING_TIME, routed.ticketOpenedAt(), routed.routedAt());
      }
      return new Folded<>(now, List.of(adds.build()));
    }
    if (event instanceof WorkOrderStepCompleted done) {
      Contribution.Builder adds =
          Contribution.at(done.completedAt(), groups(state, done.department()))
              .count(Counters.STEPS_COMPLETED)
              .count(done.breached() ? Counters.STEP_OLA_BREACHED : Counters.STEP_OLA_MET)
              .duration(Counters.STEP_TIME, done.readyAt(), done.completedAt());
      if (FOLLOW_UP.equals(done.stepKind())) {
        adds.count(Counters.CALL_BACKS_DONE);
        if (done.readyAt() != null
            && !done.completedAt().isAfter(done.readyAt().plus(PROMPT_CALL_BACK))) {
          adds.count(Counters.CALL_BACKS_WITHIN_3_DAYS);
        }
      }
      return new Folded<>(state, List.of(adds.build()));
    }
    if (event instanceof WorkOrderStepReturned returned) {
      // The step returned to is the one whose work came back.
      return new Folded<>(
          state,
          List.of(
              Contribution.at(returned.returnedAt(), groups(state, returned.returnedToDepartment()))
                  .count(Counters.STEPS_RETURNED)
                  .build()));
    }
    if (event instanceof WorkOrderTransferred transferred) {
      // A routing error: the department the step was wrongly sent to passes it on.
      return new Folded<>(
          state,
          List.of(
              Contribution.at(
                      transferred.transferredAt(), groups(state, transferred.fromDepartment()))
                  .count(Counters.STEPS_TRANSFERRED)
                  .build()));
    }
    if (event instanceof WorkOrderEscalated escalated) {
      Map<Dimension, String> groups = groups(state, escalated.department());
      groups.put(Dimension.TIER, escalated.customerTier());
      return new Folded<>(
          state,
          List.of(
              Contribution.at(escalated.escalatedAt(), groups)
                  .count(Counters.STEP_ESCALATIONS)
                  .build()));
    }
    return new Folded<>(state, List.of());
  }

  private static Map<Dimension, String> groups(WorkOrderState state, String department) {
    Map<Dimension, String> groups = new EnumMap<>(Dimension.class);
    if (department != null) {
      groups.put(Dimension.DEPARTMENT, department);
    }
    if (state.category() != null) {
      groups.put(Dimension.CATEGORY, state.category());
    }
    return groups;
  }
}
