package io.crossdesk.workorder.workorder.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.routing.web.KnownDepartment;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import io.crossdesk.workorder.workorder.domain.WorkOrderStatus;

/**
 * The query parameters of a work-order list; blank means no filter. An unknown department or status
 * is a malformed request (400 naming the parameter), not an empty list.
 */
record WorkOrderSearchParams(
    String ticketId,
    @KnownDepartment String department,
    @OneOf(WorkOrderStatus.class) String status) {

  WorkOrderSearchParams {
    ticketId = blankAsNull(ticketId);
    department = blankAsNull(department);
    status = blankAsNull(status);
  }

  /** Only called once the parameters are valid. */
  WorkOrderSearch toSearch() {
    return new WorkOrderSearch(
        ticketId,
        department == null ? null : Department.byId(department).orElseThrow(),
        status == null ? null : WorkOrderStatus.valueOf(status));
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
