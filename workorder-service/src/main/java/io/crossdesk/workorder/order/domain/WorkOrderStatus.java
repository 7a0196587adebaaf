package io.crossdesk.workorder.order.domain;

/** Where a work order stands. */
public enum WorkOrderStatus {
  /** Some step is still to be done. */
  OPEN,
  /** Every step is done, skipped or withdrawn. */
  COMPLETED,
  /** The ticket was cancelled or merged into another: every open step was withdrawn. */
  CANCELLED,
  /** The ticket was reopened: the next round's work order took over what was still open. */
  SUPERSEDED;

  /** Ended without its work being done. */
  public boolean isClosed() {
    return this == CANCELLED || this == SUPERSEDED;
  }
}
