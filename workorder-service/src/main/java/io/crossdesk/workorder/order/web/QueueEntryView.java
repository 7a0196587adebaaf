package io.crossdesk.workorder.order.web;

import io.crossdesk.workorder.order.persistence.QueueEntry;
import java.time.Instant;

/** One step in a department queue. */
record QueueEntryView(
    String workOrderId,
    String ticketId,
    String ticketNumber,
    String customerTier,
    String priority,
    String title,
    int round,
    String stepId,
    String stepName,
    String kind,
    String department,
    String status,
    String assignee,
    Instant readyAt,
    Instant dueAt,
    boolean overdue,
    int escalationLevel,
    Instant expectedCompletion) {

  static QueueEntryView of(QueueEntry entry, Instant now) {
    return new QueueEntryView(
        entry.workOrderId(),
        entry.ticket().ticketId(),
        entry.ticket().ticketNumber(),
        entry.ticket().customerTier(),
        entry.priority().name(),
        entry.ticket().title(),
        entry.round(),
        entry.step().id(),
        entry.step().definition().name(),
        entry.step().definition().kind().name(),
        entry.step().department(),
        entry.step().status().name(),
        entry.step().assignee(),
        entry.step().readyAt(),
        entry.step().dueAt(),
        entry.step().isOverdue(now),
        entry.step().escalationLevel(),
        entry.expectedCompletion());
  }
}
