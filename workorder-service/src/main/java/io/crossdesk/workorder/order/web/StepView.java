package io.crossdesk.workorder.order.web;

import io.crossdesk.workorder.order.domain.Step;
import java.time.Instant;
import java.util.List;

/** A step as the API shows it. */
record StepView(
    String id,
    String name,
    String kind,
    String department,
    List<String> after,
    String status,
    String assignee,
    Instant readyAt,
    Instant dueAt,
    boolean overdue,
    Instant startedAt,
    Instant doneAt,
    String outcome,
    String notes,
    int escalationLevel,
    int transfers) {

  static StepView of(Step step, Instant now) {
    return new StepView(
        step.id(),
        step.definition().name(),
        step.definition().kind().name(),
        step.department(),
        step.definition().after(),
        step.status().name(),
        step.assignee(),
        step.readyAt(),
        step.dueAt(),
        step.isOverdue(now),
        step.startedAt(),
        step.doneAt(),
        step.outcome(),
        step.notes(),
        step.escalationLevel(),
        step.transfers());
  }
}
