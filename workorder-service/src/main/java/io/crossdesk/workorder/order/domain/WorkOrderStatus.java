package io.crossdesk.workorder.order.domain;

/** Where a work order stands. */
public enum WorkOrderStatus {
  /** Some step is still to be done. */
  OPEN,
  /** Every step is done or skipped. */
  COMPLETED
}
