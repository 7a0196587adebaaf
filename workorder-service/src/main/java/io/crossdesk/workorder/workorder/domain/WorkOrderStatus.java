package io.crossdesk.workorder.workorder.domain;

/** Where a work order stands. */
public enum WorkOrderStatus {
  /** Created for a ticket and waiting in the queue of its lead department. */
  ROUTED
}
