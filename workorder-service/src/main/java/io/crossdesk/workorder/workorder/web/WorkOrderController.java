package io.crossdesk.workorder.workorder.web;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.web.InvalidRequestException;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import io.crossdesk.workorder.workorder.domain.WorkOrderStatus;
import io.crossdesk.workorder.workorder.persistence.WorkOrderStore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work orders and department queues. */
@RestController
@RequestMapping("/api/workorders")
class WorkOrderController {

  private static final String READERS =
      "hasAnyRole('AGENT','SUPERVISOR','ADMIN','SYSTEM','DEPARTMENT')";

  private final WorkOrderStore workOrders;

  WorkOrderController(WorkOrderStore workOrders) {
    this.workOrders = workOrders;
  }

  /** One work order; another department's is "not found" to department staff. */
  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  WorkOrderView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    QueueAccess access = QueueAccess.of(Caller.of(jwt));
    return parseId(id)
        .flatMap(workOrders::find)
        .filter(access::canSee)
        .map(WorkOrderView::of)
        .orElseThrow(() -> new NotFoundException("No work order " + id));
  }

  /** Newest first, at most 100; department staff get their own queue. */
  @GetMapping
  @PreAuthorize(READERS)
  List<WorkOrderView> list(
      @RequestParam(required = false) String ticketId,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String status,
      @AuthenticationPrincipal Jwt jwt) {
    QueueAccess access = QueueAccess.of(Caller.of(jwt));
    WorkOrderSearch search =
        new WorkOrderSearch(blankToNull(ticketId), department(department), status(status));
    return workOrders.search(access.restrict(search)).stream().map(WorkOrderView::of).toList();
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAWorkOrderId) {
      return Optional.empty();
    }
  }

  private static Department department(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    return Department.byId(id)
        .orElseThrow(
            () ->
                InvalidRequestException.field(
                    "department",
                    "unknown department; one of "
                        + Arrays.stream(Department.values()).map(Department::id).toList()));
  }

  private static WorkOrderStatus status(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return Arrays.stream(WorkOrderStatus.values())
        .filter(status -> status.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                InvalidRequestException.field(
                    "status",
                    "unknown status; one of " + Arrays.toString(WorkOrderStatus.values())));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
