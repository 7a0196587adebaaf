package io.crossdesk.workorder.order.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.workorder.configuration.web.KnownDepartment;
import io.crossdesk.workorder.order.domain.StepStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.EnumSet;
import java.util.Set;

/**
 * The query parameters of a queue; blank means no filter. Without a status the queue shows the open
 * steps (READY, CLAIMED, IN_PROGRESS), or every step when asking for one ticket's. An unknown
 * department or status is a malformed request (400 naming the parameter), not an empty list.
 */
record QueueParams(
    String ticketId,
    @KnownDepartment String department,
    @OneOf(StepStatus.class) String status,
    String assignee,
    Boolean overdue,
    @Min(0) Integer page,
    @Min(1) @Max(100) Integer size) {

  QueueParams {
    ticketId = blankAsNull(ticketId);
    department = blankAsNull(department);
    status = blankAsNull(status);
    assignee = blankAsNull(assignee);
  }

  Set<StepStatus> statuses() {
    if (status != null) {
      return EnumSet.of(StepStatus.valueOf(status));
    }
    return ticketId != null
        ? EnumSet.allOf(StepStatus.class)
        : EnumSet.of(StepStatus.READY, StepStatus.CLAIMED, StepStatus.IN_PROGRESS);
  }

  int pageNumber() {
    return page == null ? 0 : page;
  }

  int pageSize() {
    return size == null ? 20 : size;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
