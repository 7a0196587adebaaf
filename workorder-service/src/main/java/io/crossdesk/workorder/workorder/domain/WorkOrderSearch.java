package io.crossdesk.workorder.workorder.domain;

import io.crossdesk.workorder.routing.domain.Department;

/** Which work orders a list shows; a null criterion matches everything. */
public record WorkOrderSearch(String ticketId, Department department, WorkOrderStatus status) {

  /** How many work orders one list answer holds at most, newest first. */
  public static final int LIMIT = 100;

  public WorkOrderSearch inQueueOf(Department queue) {
    return new WorkOrderSearch(ticketId, queue, status);
  }
}
