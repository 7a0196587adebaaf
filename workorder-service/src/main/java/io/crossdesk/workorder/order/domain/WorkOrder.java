package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.department.domain.WorkIntake;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.StepKind;
import io.crossdesk.workorder.order.domain.WorkOrderFact.ComplaintSettled;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepDone;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepEscalated;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReturned;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepStarted;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepTransferred;
import io.crossdesk.workorder.routing.domain.Priority;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The work departments do for one round of a ticket: the steps of a flow, each in the queue of its
 * department once the steps before it are done, and everything that happened to them. Every move is
 * a guarded transition that returns the new work order and what it announces.
 *
 * @param round 1 for the ticket's first work order, one more after each reopening
 * @param repeat whether the customer came back with the same request (a reopened ticket)
 * @param escalationLevel the level the work order started at, carried over from earlier rounds
 * @param closeReason why it was cancelled or superseded, for a work order that ended so
 * @param routingErrors how often a step was transferred because it was routed wrongly
 */
public record WorkOrder(
    String id,
    TicketFacts ticket,
    int round,
    boolean repeat,
    String routingRule,
    String templateId,
    int templateVersion,
    Priority priority,
    int escalationLevel,
    WorkOrderStatus status,
    List<Step> steps,
    Instant createdAt,
    Instant expectedCompletion,
    Instant completedAt,
    String resolution,
    String resolvingDepartment,
    String closeReason,
    int routingErrors,
    List<HistoryEntry> history) {

  public WorkOrder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ticket, "ticket");
    steps = List.copyOf(steps);
    history = List.copyOf(history);
  }

  /** A new work order for a ticket in the flow its routing chose; its first steps are ready. */
  public static WorkOrderChange open(
      String id,
      TicketFacts ticket,
      int round,
      int escalationLevel,
      RoutingDecision routing,
      FlowTemplate flow,
      Instant now,
      Calendars calendars) {
    boolean repeat = round > 1;
    WorkOrder created =
        new WorkOrder(
            id,
            ticket,
            round,
            repeat,
            routing.rule().id(),
            flow.id(),
            flow.version(),
            repeat ? routing.priority().raised() : routing.priority(),
            escalationLevel,
            WorkOrderStatus.OPEN,
            flow.steps().stream().map(step -> Step.waiting(step, escalationLevel)).toList(),
            now,
            null,
            null,
            null,
            null,
            null,
            0,
            List.of());
    WorkOrderDraft draft = new WorkOrderDraft(created, now, calendars);
    draft.record(
        "routing",
        "opened",
        null,
        null,
        "flow " + flow.id() + " v" + flow.version() + " by rule " + routing.rule().id(),
        null);
    return draft.settle();
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
  }

  /** Whether the inbound event {@code ref} has been applied already. */
  public boolean hasApplied(String ref) {
    return ref != null && history.stream().anyMatch(entry -> ref.equals(entry.ref()));
  }

  public WorkOrderChange claim(String stepId, Performer by, Instant now, Calendars calendars) {
    Step step = open(stepId);
    if (step.status() != StepStatus.READY) {
      throw new StepConflictException(
          "step "
              + stepId
              + " is "
              + step.status()
              + (step.assignee() == null ? "" : " by " + step.assignee()));
    }
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    draft.replace(step.claimedBy(by.id()));
    draft.record(by.id(), "claimed", step, null, by.ref());
    return draft.done();
  }

  /** Gives a ready step to a member of its department, as the department's intake chose. */
  public WorkOrderChange assign(
      String stepId, String member, WorkIntake rule, Instant now, Calendars calendars) {
    Step step = open(stepId);
    if (step.status() != StepStatus.READY) {
      throw new StepConflictException("step " + stepId + " is " + step.status() + ", not READY");
    }
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    Step assigned = step.claimedBy(member);
    draft.replace(assigned);
    draft.record(
        "assignment", "assigned", step, "automatically by " + rule + " to " + member, null);
    draft.announce(new WorkOrderFact.StepAssigned(assigned, member, rule.name()));
    return draft.done();
  }

  public WorkOrderChange unclaim(String stepId, Performer by, Instant now, Calendars calendars) {
    Step step = open(stepId);
    if (step.status() != StepStatus.CLAIMED) {
      throw new StepConflictException("step " + stepId + " is " + step.status() + ", not CLAIMED");
    }
    requireAssignee(step, by);
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    draft.replace(step.unclaimed());
    draft.record(by.id(), "unclaimed", step, null, by.ref());
    return draft.done();
  }

  public WorkOrderChange start(String stepId, Performer by, Instant now, Calendars calendars) {
    Step step = open(stepId);
    if (step.status() != StepStatus.CLAIMED) {
      throw new StepConflictException(
          "step " + stepId + " is " + step.status() + ": claim it before starting");
    }
    requireAssignee(step, by);
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    Step started = step.started(step.assignee(), now);
    draft.replace(started);
    draft.record(by.id(), "started", step, null, by.ref());
    draft.announce(new StepStarted(started, by.id()));
    return draft.done();
  }

  /**
   * Completes a step. People complete what they claimed; a department system or a supervisor may
   * complete a step from the queue. The resolving step of a complaint needs a resolution and a root
   * cause, and announces the complaint resolved before the steps after it become ready.
   */
  public WorkOrderChange complete(
      String stepId,
      Performer by,
      String outcome,
      String notes,
      String resolutionSummary,
      RootCause rootCause,
      Instant now,
      Calendars calendars) {
    Step step = open(stepId);
    if (step.status() == StepStatus.READY && !by.mayOverride()) {
      throw new StepConflictException("step " + stepId + " is READY: claim it before completing");
    }
    if (step.status() != StepStatus.READY) {
      requireAssignee(step, by);
    }
    if (step.definition().kind() == StepKind.APPROVAL && !by.supervisor()) {
      throw new StepConflictException("step " + stepId + " is an approval: a supervisor decides");
    }
    boolean resolvesComplaint = step.definition().isResolving();
    if (resolvesComplaint && (blank(resolutionSummary) || rootCause == null)) {
      throw new StepConflictException(
          "step " + stepId + " resolves a complaint: give a resolution and a root cause");
    }
    String result = blank(outcome) ? "DONE" : outcome.trim().toUpperCase(java.util.Locale.ROOT);
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    Step done = step.done(by.id(), result, notes, now);
    draft.replace(done);
    draft.record(by.id(), "completed", step, result + (blank(notes) ? "" : ": " + notes), by.ref());
    if (resolvesComplaint) {
      draft.resolvedBy(resolutionSummary, done.department());
      draft.announce(new ComplaintSettled(done, resolutionSummary, rootCause, by.id()));
    } else if (done.definition().kind() != StepKind.FOLLOW_UP && !blank(notes)) {
      draft.resolvedBy(notes, done.department());
    }
    draft.announce(new StepDone(done, by.id()));
    draft.workDone();
    return draft.settle();
  }

  /** Sends an open step back to the steps before it, which are ready again. */
  public WorkOrderChange returnStep(
      String stepId, Performer by, String reason, Instant now, Calendars calendars) {
    Step step = open(stepId);
    if (blank(reason)) {
      throw new StepConflictException("returning a step needs a reason");
    }
    if (step.status() != StepStatus.READY) {
      requireAssignee(step, by);
    }
    List<Step> previous =
        steps.stream()
            .filter(candidate -> step.definition().after().contains(candidate.id()))
            .filter(candidate -> candidate.status() == StepStatus.DONE)
            .toList();
    if (previous.isEmpty()) {
      throw new StepConflictException(
          "step " + stepId + " has no done step before it to return to");
    }
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    draft.replace(step.returned());
    draft.record(by.id(), "returned", step, reason, by.ref());
    for (Step back : previous) {
      Step ready = back.readyIn(back.department(), now, calendars, back.transfers());
      draft.replace(ready);
      draft.announce(new StepReturned(step, ready, reason, by.id()));
      draft.announceReady(ready);
    }
    return draft.done();
  }

  /** Moves a misrouted step into another department's queue, counting a routing error. */
  public WorkOrderChange transfer(
      String stepId,
      Performer by,
      String toDepartment,
      String reason,
      Instant now,
      Calendars calendars) {
    Step step = open(stepId);
    if (blank(reason)) {
      throw new StepConflictException("transferring a step needs a reason");
    }
    if (step.department().equals(toDepartment)) {
      throw new StepConflictException("step " + stepId + " is in " + toDepartment + " already");
    }
    if (step.status() != StepStatus.READY) {
      requireAssignee(step, by);
    }
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    Step moved = step.readyIn(toDepartment, now, calendars, step.transfers() + 1);
    draft.replace(moved);
    draft.routingError();
    draft.record(by.id(), "transferred", step, "to " + toDepartment + ": " + reason, by.ref());
    draft.announce(new StepTransferred(moved, step.department(), reason, by.id()));
    draft.announceReady(moved);
    return draft.done();
  }

  /**
   * Raises an open step to an escalation level. Does nothing when the step is no longer open or
   * already at that level or above: a timer that fires late or twice changes nothing.
   */
  public WorkOrderChange escalate(
      String stepId, Instant readyAt, int level, int percent, Instant now, Calendars calendars) {
    Optional<Step> found = step(stepId);
    if (found.isEmpty()
        || !found.get().status().isOpen()
        || !found.get().readyAt().equals(readyAt)
        || found.get().escalationLevel() >= level) {
      return WorkOrderChange.none(this);
    }
    Step step = found.get();
    WorkOrderDraft draft = new WorkOrderDraft(this, now, calendars);
    Step escalated = step.escalatedTo(level);
    draft.replace(escalated);
    draft.record("escalation", "escalated", step, "level " + level + " at " + percent + "%", null);
    draft.announce(new StepEscalated(escalated, level, percent));
    return draft.done();
  }

  private Step open(String stepId) {
    Step step = step(stepId).orElseThrow(() -> new StepConflictException("no step " + stepId));
    if (!step.status().isOpen()) {
      throw new StepConflictException(
          "step " + stepId + " is " + step.status() + ", not in a queue");
    }
    return step;
  }

  private static void requireAssignee(Step step, Performer by) {
    if (!by.mayOverride() && !by.id().equals(step.assignee())) {
      throw new StepConflictException(
          "step " + step.id() + " is " + step.status() + " by " + step.assignee());
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
