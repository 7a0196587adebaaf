package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.flow.domain.StepKind;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Closed;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Completed;
import io.crossdesk.workorder.order.domain.WorkOrderFact.Resolved;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReady;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepWithdrawn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A work order being changed by one transition; {@link WorkOrder} builds the result with it. */
final class WorkOrderDraft {

  private final WorkOrder before;
  private final Instant now;
  private final Calendars calendars;
  private final List<Step> steps;
  private final List<HistoryEntry> history;
  private final List<WorkOrderFact> facts = new ArrayList<>();
  private String resolution;
  private String resolvingDepartment;
  private String closeReason;
  private int routingErrors;
  private WorkOrderStatus status;
  private Instant completedAt;
  private boolean workDone;

  WorkOrderDraft(WorkOrder before, Instant now, Calendars calendars) {
    this.before = before;
    this.now = now;
    this.calendars = calendars;
    this.steps = new ArrayList<>(before.steps());
    this.history = new ArrayList<>(before.history());
    this.resolution = before.resolution();
    this.resolvingDepartment = before.resolvingDepartment();
    this.closeReason = before.closeReason();
    this.routingErrors = before.routingErrors();
    this.status = before.status();
    this.completedAt = before.completedAt();
  }

  void replace(Step step) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).id().equals(step.id())) {
        steps.set(i, step);
        return;
      }
    }
    throw new IllegalArgumentException("no step " + step.id());
  }

  void record(String actor, String action, Step step, String detail, String ref) {
    record(actor, action, step.id(), step.department(), detail, ref);
  }

  void record(
      String actor, String action, String stepId, String department, String detail, String ref) {
    history.add(new HistoryEntry(now, actor, action, stepId, department, detail, ref));
  }

  void announce(WorkOrderFact fact) {
    facts.add(fact);
  }

  void announceReady(Step step) {
    facts.add(new StepReady(step));
    record("flow", "ready", step, "due " + step.dueAt(), null);
  }

  void resolvedBy(String summary, String department) {
    resolution = summary;
    resolvingDepartment = department;
  }

  /** Takes an unfinished step out of the flow; one that was in a queue is announced. */
  void withdraw(Step step, String actor, String reason, String ref) {
    replace(step.withdrawn(reason, now));
    record(actor, "withdrawn", step, reason, ref);
    if (step.status().isOpen()) {
      facts.add(new StepWithdrawn(step, reason));
    }
  }

  /** Ends the work order without its work done; nothing of it is left to become ready. */
  void close(WorkOrderStatus ending, String actor, String reason, String ref) {
    status = ending;
    closeReason = reason;
    record(actor, ending.name().toLowerCase(Locale.ROOT), null, null, reason, ref);
    facts.add(new Closed(ending, reason));
  }

  void routingError() {
    routingErrors++;
  }

  /**
   * A step was done by the people or systems doing the work (not withdrawn by the desk): if that
   * leaves only follow-up steps, the request is resolved, and settling announces it.
   */
  void workDone() {
    workDone = true;
  }

  /**
   * Makes ready every step whose predecessors are all finished, skipping conditional steps whose
   * condition did not come true (which may finish further steps), and completes the work order when
   * nothing is left.
   */
  WorkOrderChange settle() {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (Step step : List.copyOf(steps)) {
        if ((step.status() == StepStatus.WAITING || step.status() == StepStatus.RETURNED)
            && predecessorsFinished(step)) {
          if (step.definition().isConditional() && !conditionCameTrue(step)) {
            replace(step.skipped(now));
            record("flow", "skipped", step, "no " + step.definition().onlyIfOutcome(), null);
          } else {
            Step ready = step.readyIn(step.department(), now, calendars, step.transfers());
            replace(ready);
            announceReady(ready);
          }
          moved = true;
        }
      }
    }
    if (status == WorkOrderStatus.OPEN && workDone && resolvedNow()) {
      record("flow", "resolved", null, resolvingDepartment, resolution, null);
      facts.add(new Resolved(resolution, resolvingDepartment, now));
    }
    if (status == WorkOrderStatus.OPEN && steps.stream().allMatch(s -> s.status().isFinished())) {
      status = WorkOrderStatus.COMPLETED;
      completedAt = now;
      record("flow", "completed", null, resolvingDepartment, resolution, null);
      facts.add(new Completed(resolution, resolvingDepartment));
    }
    return done();
  }

  WorkOrderChange done() {
    WorkOrder after =
        new WorkOrder(
            before.id(),
            before.ticket(),
            before.round(),
            before.repeat(),
            before.routingRule(),
            before.templateId(),
            before.templateVersion(),
            before.priority(),
            before.escalationLevel(),
            status,
            steps,
            before.createdAt(),
            ExpectedCompletion.of(steps, calendars, now),
            completedAt,
            resolution,
            resolvingDepartment,
            closeReason,
            routingErrors,
            history);
    return new WorkOrderChange(after, facts);
  }

  /**
   * Whether this change finished the last step before the follow-up: every other step is finished
   * now and was not before, a follow-up is still to come (without one the work order completes),
   * and no resolving step resolved it already (that announced ComplaintResolved).
   */
  private boolean resolvedNow() {
    return onlyFollowUpsLeft(steps)
        && !onlyFollowUpsLeft(before.steps())
        && steps.stream()
            .noneMatch(step -> step.definition().isResolving() && step.status() == StepStatus.DONE);
  }

  private static boolean onlyFollowUpsLeft(List<Step> steps) {
    boolean followUpLeft = false;
    for (Step step : steps) {
      if (step.status().isFinished()) {
        continue;
      }
      if (step.definition().kind() != StepKind.FOLLOW_UP) {
        return false;
      }
      followUpLeft = true;
    }
    return followUpLeft;
  }

  private boolean predecessorsFinished(Step step) {
    return step.definition().after().stream().allMatch(id -> find(id).status().isFinished());
  }

  private boolean conditionCameTrue(Step step) {
    return step.definition().after().stream()
        .map(this::find)
        .anyMatch(
            previous ->
                previous.status() == StepStatus.DONE
                    && step.definition().onlyIfOutcome().equals(previous.outcome()));
  }

  private Step find(String id) {
    return steps.stream()
        .filter(step -> step.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no step " + id));
  }
}
