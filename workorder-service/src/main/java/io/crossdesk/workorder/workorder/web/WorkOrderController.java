package io.crossdesk.workorder.workorder.web;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.workorder.persistence.WorkOrderStore;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

  /**
   * Newest first, at most 100; department staff get their own queue. Invalid filters are answered
   * 400 before anything is read.
   */
  @GetMapping
  @PreAuthorize(READERS)
  List<WorkOrderView> list(
      @Valid @ModelAttribute WorkOrderSearchParams params, @AuthenticationPrincipal Jwt jwt) {
    QueueAccess access = QueueAccess.of(Caller.of(jwt));
    return workOrders.search(access.restrict(params.toSearch())).stream()
        .map(WorkOrderView::of)
        .toList();
  }

  private static Optional<UUID> parseId(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAWorkOrderId) {
      return Optional.empty();
    }
  }
}
