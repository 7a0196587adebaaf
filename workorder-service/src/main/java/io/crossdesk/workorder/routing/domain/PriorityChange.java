package io.crossdesk.workorder.routing.domain;

/** What a routing rule does to the ticket's priority: raise it one level, or set it. */
public enum PriorityChange {
  RAISE,
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  public Priority applyTo(Priority priority) {
    return this == RAISE ? priority.raised() : Priority.valueOf(name());
  }
}
