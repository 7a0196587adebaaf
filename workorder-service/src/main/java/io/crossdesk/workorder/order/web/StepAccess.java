package io.crossdesk.workorder.order.web;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import io.crossdesk.security.Role;
import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.order.domain.Performer;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.WorkOrder;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which steps a caller may see and move. The desk, supervisors, administrators and other systems
 * see every queue; department staff see only the steps of the department their token names, and
 * another department's step is "not found" to them, so its existence is not revealed. Steps are
 * moved by department staff (their own department's) and supervisors (any).
 *
 * @param ownDepartment the only department whose steps the caller sees, or null for all
 */
record StepAccess(Caller caller, String ownDepartment) {

  static StepAccess of(Caller caller, DepartmentDirectory departments) {
    if (caller.can(Capability.SEE_ALL_QUEUES)) {
      return new StepAccess(caller, null);
    }
    if (!caller.has(Role.DEPARTMENT)) {
      throw new AccessDeniedException("no role that may see work orders");
    }
    if (!departments.contains(caller.department())) {
      throw new AccessDeniedException("the token names no known department");
    }
    return new StepAccess(caller, caller.department());
  }

  boolean canSee(WorkOrder order) {
    return ownDepartment == null || order.steps().stream().anyMatch(this::canSee);
  }

  boolean canSee(Step step) {
    return ownDepartment == null || ownDepartment.equals(step.department());
  }

  /**
   * Narrows a queue to what the caller may see: the department asked for, or their own. Asking for
   * another department's queue is refused outright rather than answered with an empty list, so a
   * wrong filter does not look like an empty queue.
   */
  String queueDepartment(String asked) {
    return caller.departmentAsked(asked, Capability.SEE_ALL_QUEUES);
  }

  /** Checked inside the move, against the step as it is when the move is decided. */
  void requireMayMove(WorkOrder order, String stepId) {
    if (!caller.can(Capability.WORK_DEPARTMENT_STEPS)) {
      throw new AccessDeniedException("only department staff and supervisors move steps");
    }
    Step step =
        order
            .step(stepId)
            .filter(this::canMove)
            .orElseThrow(() -> new NotFoundException("No step " + stepId + " of " + order.id()));
    if (!canSee(step)) {
      throw new NotFoundException("No step " + stepId + " of " + order.id());
    }
  }

  Performer performer() {
    return caller.has(Role.SUPERVISOR)
        ? Performer.supervisorNamed(caller.subject())
        : Performer.person(caller.subject());
  }

  private boolean canMove(Step step) {
    return caller.can(Capability.MOVE_ANY_STEP) || step.department().equals(caller.department());
  }
}
