package io.crossdesk.workorder.order.web;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.order.application.WorkOrderMoves;
import io.crossdesk.workorder.order.application.WorkOrderMoves.Move;
import io.crossdesk.workorder.order.domain.Performer;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.persistence.QueueEntry;
import io.crossdesk.workorder.order.persistence.QueueFilter;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Work orders, department queues and the moves of their steps. */
@RestController
@RequestMapping("/api/workorders")
class WorkOrderController {

  private final WorkOrderStore workOrders;
  private final WorkOrderMoves moves;
  private final RoutingConfiguration configuration;
  private final Clock clock;

  WorkOrderController(
      WorkOrderStore workOrders,
      WorkOrderMoves moves,
      RoutingConfiguration configuration,
      Clock clock) {
    this.workOrders = workOrders;
    this.moves = moves;
    this.configuration = configuration;
    this.clock = clock;
  }

  /** One work order; one with no step of their department is "not found" to department staff. */
  @GetMapping("/{id}")
  @PreAuthorize(Can.READ_WORK_ORDERS)
  WorkOrderView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    StepAccess access = access(jwt);
    return workOrders
        .find(id)
        .filter(access::canSee)
        .map(order -> WorkOrderView.of(order, access, clock.instant()))
        .orElseThrow(() -> new NotFoundException("No work order " + id));
  }

  /**
   * A queue of steps, soonest due first, paged; department staff get their own department's.
   * Invalid filters are answered 400 before anything is read.
   */
  @GetMapping
  @PreAuthorize(Can.READ_WORK_ORDERS)
  QueuePage list(@Valid @ModelAttribute QueueParams params, @AuthenticationPrincipal Jwt jwt) {
    StepAccess access = access(jwt);
    Instant now = clock.instant();
    QueueFilter filter =
        new QueueFilter(
            params.ticketId(),
            access.queueDepartment(params.department()),
            params.statuses(),
            params.assignee(),
            params.overdue(),
            now);
    int size = params.pageSize();
    List<QueueEntry> entries = workOrders.queue(filter, params.pageNumber(), size);
    return new QueuePage(
        entries.stream().limit(size).map(entry -> QueueEntryView.of(entry, now)).toList(),
        params.pageNumber(),
        size,
        entries.size() > size);
  }

  @PostMapping("/{id}/steps/{stepId}/claim")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView claim(
      @PathVariable String id, @PathVariable String stepId, @AuthenticationPrincipal Jwt jwt) {
    return move(
        id, stepId, jwt, (by, ctx) -> ctx.order().claim(stepId, by, ctx.now(), ctx.departments()));
  }

  @PostMapping("/{id}/steps/{stepId}/unclaim")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView unclaim(
      @PathVariable String id, @PathVariable String stepId, @AuthenticationPrincipal Jwt jwt) {
    return move(
        id,
        stepId,
        jwt,
        (by, ctx) -> ctx.order().unclaim(stepId, by, ctx.now(), ctx.departments()));
  }

  @PostMapping("/{id}/steps/{stepId}/start")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView start(
      @PathVariable String id, @PathVariable String stepId, @AuthenticationPrincipal Jwt jwt) {
    return move(
        id, stepId, jwt, (by, ctx) -> ctx.order().start(stepId, by, ctx.now(), ctx.departments()));
  }

  @PostMapping("/{id}/steps/{stepId}/complete")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView complete(
      @PathVariable String id,
      @PathVariable String stepId,
      @Valid @RequestBody StepRequests.Complete body,
      @AuthenticationPrincipal Jwt jwt) {
    return move(
        id,
        stepId,
        jwt,
        (by, ctx) ->
            ctx.order()
                .complete(
                    stepId,
                    by,
                    body.outcome(),
                    body.notes(),
                    body.resolution(),
                    body.rootCauseValue(),
                    ctx.now(),
                    ctx.departments()));
  }

  @PostMapping("/{id}/steps/{stepId}/return")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView returnStep(
      @PathVariable String id,
      @PathVariable String stepId,
      @Valid @RequestBody StepRequests.Return body,
      @AuthenticationPrincipal Jwt jwt) {
    return move(
        id,
        stepId,
        jwt,
        (by, ctx) ->
            ctx.order().returnStep(stepId, by, body.reason(), ctx.now(), ctx.departments()));
  }

  @PostMapping("/{id}/steps/{stepId}/transfer")
  @PreAuthorize(Can.WORK_DEPARTMENT_STEPS)
  WorkOrderView transfer(
      @PathVariable String id,
      @PathVariable String stepId,
      @Valid @RequestBody StepRequests.Transfer body,
      @AuthenticationPrincipal Jwt jwt) {
    return move(
        id,
        stepId,
        jwt,
        (by, ctx) ->
            ctx.order()
                .transfer(
                    stepId, by, body.department(), body.reason(), ctx.now(), ctx.departments()));
  }

  /** What a move is decided on. */
  private record Context(WorkOrder order, DepartmentDirectory departments, Instant now) {}

  private WorkOrderView move(
      String id, String stepId, Jwt jwt, BiFunction<Performer, Context, WorkOrderChange> decide) {
    StepAccess access = access(jwt);
    Move move =
        (order, current, now) -> {
          access.requireMayMove(order, stepId);
          return decide.apply(access.performer(), new Context(order, current.departments(), now));
        };
    WorkOrder changed = moves.apply(id, move);
    return WorkOrderView.of(changed, access, clock.instant());
  }

  private StepAccess access(Jwt jwt) {
    return StepAccess.of(Caller.of(jwt), configuration.current().departments());
  }

  /** One page of a queue. */
  record QueuePage(List<QueueEntryView> items, int page, int size, boolean hasNext) {}
}
