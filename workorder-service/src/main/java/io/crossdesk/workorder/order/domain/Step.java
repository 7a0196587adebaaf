package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.flow.domain.StepTemplate;
import java.time.Instant;

/**
 * One step of a running work order: its definition, copied from the flow version the work order
 * started with, the department it is in now (a transfer moves it) and how far it got.
 *
 * @param escalationLevel the highest escalation level it reached in its current turn
 */
public record Step(
    StepTemplate definition,
    String department,
    StepStatus status,
    String assignee,
    Instant readyAt,
    Instant dueAt,
    Instant startedAt,
    Instant doneAt,
    String outcome,
    String notes,
    int escalationLevel,
    int transfers) {

  static Step waiting(StepTemplate definition, int escalationLevel) {
    return new Step(
        definition,
        definition.department(),
        StepStatus.WAITING,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        escalationLevel,
        0);
  }

  public String id() {
    return definition.id();
  }

  /** Into the queue of {@code inDepartment}, due from its OLA in that department's calendar. */
  Step readyIn(String inDepartment, Instant now, Calendars calendars, int transferCount) {
    return new Step(
        definition,
        inDepartment,
        StepStatus.READY,
        null,
        now,
        definition.ola().dueFrom(now, calendars.of(inDepartment)),
        null,
        null,
        null,
        null,
        escalationLevel,
        transferCount);
  }

  Step claimedBy(String person) {
    return with(StepStatus.CLAIMED, person, null);
  }

  Step unclaimed() {
    return with(StepStatus.READY, null, null);
  }

  Step started(String person, Instant at) {
    return with(StepStatus.IN_PROGRESS, person, at);
  }

  Step done(String person, String withOutcome, String withNotes, Instant at) {
    return new Step(
        definition,
        department,
        StepStatus.DONE,
        person,
        readyAt,
        dueAt,
        startedAt,
        at,
        withOutcome,
        withNotes,
        escalationLevel,
        transfers);
  }

  Step skipped(Instant at) {
    return new Step(
        definition,
        department,
        StepStatus.SKIPPED,
        null,
        null,
        null,
        null,
        at,
        null,
        null,
        escalationLevel,
        transfers);
  }

  /** Finished without being done; the reason stays in its notes. */
  Step withdrawn(String reason, Instant at) {
    return new Step(
        definition,
        department,
        StepStatus.WITHDRAWN,
        assignee,
        readyAt,
        dueAt,
        startedAt,
        at,
        null,
        reason,
        escalationLevel,
        transfers);
  }

  Step returned() {
    return with(StepStatus.RETURNED, null, null);
  }

  Step escalatedTo(int level) {
    return new Step(
        definition,
        department,
        status,
        assignee,
        readyAt,
        dueAt,
        startedAt,
        doneAt,
        outcome,
        notes,
        level,
        transfers);
  }

  public boolean isOverdue(Instant now) {
    return status.isOpen() && dueAt != null && dueAt.isBefore(now);
  }

  public boolean breached() {
    return dueAt != null && doneAt != null && doneAt.isAfter(dueAt);
  }

  private Step with(StepStatus newStatus, String newAssignee, Instant newStartedAt) {
    return new Step(
        definition,
        department,
        newStatus,
        newAssignee,
        readyAt,
        dueAt,
        newStartedAt,
        null,
        null,
        null,
        escalationLevel,
        transfers);
  }
}
