package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.flow.domain.StepKind;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the desk decided about the ticket a work order serves, and what that does to the work still
 * open: the desk owns the ticket, so its decision wins over the departments' queues. Applying a
 * decision twice, or to a work order that has ended, changes nothing.
 *
 * @param ref the id of the ticket event that carries the decision
 */
public record DeskDecision(
    Kind kind, String reason, String resolution, String department, String by, String ref) {

  /** What the desk did with the ticket. */
  public enum Kind {
    /** Resolved it itself: the follow-up stays, the rest of the work is withdrawn. */
    RESOLVED,
    /**
     * Closed it as confirmed or without an answer: likewise, unless the work order resolved the
     * ticket itself, whose remaining steps (a bill to settle, a call-back) still need doing.
     */
    CLOSED,
    /** Cancelled it or merged it into another: every open step is withdrawn. */
    CANCELLED,
    /** Reopened it: the next round's work order takes over. */
    SUPERSEDED
  }

  public static DeskDecision resolved(String resolution, String department, String by, String ref) {
    return new DeskDecision(
        Kind.RESOLVED, "ticket resolved by " + by, resolution, department, by, ref);
  }

  /** CANCELLED and MERGED end the work order; any other reason keeps the follow-up. */
  public static DeskDecision closed(String reason, String mergedInto, String by, String ref) {
    if ("CANCELLED".equals(reason) || "MERGED".equals(reason)) {
      String why = "ticket " + reason + (mergedInto == null ? "" : " into " + mergedInto);
      return new DeskDecision(Kind.CANCELLED, why, null, null, by, ref);
    }
    return new DeskDecision(Kind.CLOSED, "ticket closed: " + reason, null, null, by, ref);
  }

  public static DeskDecision reopened(int nextRound, String reason, String by, String ref) {
    String why = "reopened as round " + nextRound + (reason == null ? "" : ": " + reason);
    return new DeskDecision(Kind.SUPERSEDED, why, null, null, by, ref);
  }

  public WorkOrderChange applyTo(WorkOrder order, Instant now, Calendars calendars) {
    if (order.status() != WorkOrderStatus.OPEN || order.hasApplied(ref)) {
      return WorkOrderChange.none(order);
    }
    return switch (kind) {
      case RESOLVED, CLOSED ->
          resolvedByItsOwnStep(order)
              ? WorkOrderChange.none(order)
              : keepFollowUp(order, now, calendars);
      case CANCELLED -> end(order, WorkOrderStatus.CANCELLED, now, calendars);
      case SUPERSEDED -> end(order, WorkOrderStatus.SUPERSEDED, now, calendars);
    };
  }

  /**
   * A work order whose resolving step is done resolved the ticket itself (ComplaintResolved): the
   * ticket's resolution is the work order's own, and what follows the resolving step goes on, also
   * once the customer has confirmed it.
   */
  private static boolean resolvedByItsOwnStep(WorkOrder order) {
    return order.steps().stream()
        .anyMatch(step -> step.definition().isResolving() && step.status() == StepStatus.DONE);
  }

  private WorkOrderChange keepFollowUp(WorkOrder order, Instant now, Calendars calendars) {
    List<Step> withdrawn =
        unfinished(order, step -> step.definition().kind() != StepKind.FOLLOW_UP);
    if (withdrawn.isEmpty()) {
      return WorkOrderChange.none(order);
    }
    WorkOrderDraft draft = new WorkOrderDraft(order, now, calendars);
    withdrawn.forEach(step -> draft.withdraw(step, by, reason, ref));
    if (resolution != null) {
      draft.resolvedBy(resolution, department);
    }
    return draft.settle();
  }

  private WorkOrderChange end(
      WorkOrder order, WorkOrderStatus ending, Instant now, Calendars calendars) {
    WorkOrderDraft draft = new WorkOrderDraft(order, now, calendars);
    unfinished(order, step -> true).forEach(step -> draft.withdraw(step, by, reason, ref));
    draft.close(ending, by, reason, ref);
    return draft.done();
  }

  private static List<Step> unfinished(WorkOrder order, Predicate<Step> which) {
    return order.steps().stream()
        .filter(step -> !step.status().isFinished())
        .filter(which)
        .toList();
  }
}
