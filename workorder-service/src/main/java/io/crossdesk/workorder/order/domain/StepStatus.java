package io.crossdesk.workorder.order.domain;

/** Where a step of a work order stands. */
public enum StepStatus {
  /** Waits for the steps before it. */
  WAITING,
  /** In its department's queue, nobody has it yet. */
  READY,
  /** Someone took it from the queue. */
  CLAIMED,
  IN_PROGRESS,
  DONE,
  /** Sent back: waits until the step before it is done again. */
  RETURNED,
  /** A conditional step whose condition did not come true. */
  SKIPPED,
  /** Left unfinished: the desk resolved, closed or reopened the ticket, so it is not needed. */
  WITHDRAWN;

  /** In a department's queue: ready, claimed or being worked on. */
  public boolean isOpen() {
    return this == READY || this == CLAIMED || this == IN_PROGRESS;
  }

  public boolean isFinished() {
    return this == DONE || this == SKIPPED || this == WITHDRAWN;
  }
}
