package io.crossdesk.workorder.workorder.web;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.workorder.domain.WorkOrder;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which work orders a caller may see. The desk, supervisors, administrators and other systems see
 * every queue; department staff see only the queue of the department their token names.
 *
 * @param ownQueue the only department whose work orders the caller sees, or null for all
 */
record QueueAccess(Department ownQueue) {

  private static final Set<Role> SEE_ALL_QUEUES =
      EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM);

  static QueueAccess of(Caller caller) {
    if (caller.roles().stream().anyMatch(SEE_ALL_QUEUES::contains)) {
      return new QueueAccess(null);
    }
    if (!caller.has(Role.DEPARTMENT)) {
      throw new AccessDeniedException("no role that may see work orders");
    }
    return new QueueAccess(
        Department.byId(caller.department())
            .orElseThrow(() -> new AccessDeniedException("the token names no known department")));
  }

  boolean canSee(WorkOrder order) {
    return ownQueue == null || order.isQueuedFor(ownQueue);
  }

  /**
   * Narrows a search to what the caller may see. Asking for another department's queue is refused
   * outright rather than answered with an empty list, so a wrong filter does not look like an empty
   * queue.
   */
  WorkOrderSearch restrict(WorkOrderSearch search) {
    if (ownQueue == null) {
      return search;
    }
    if (search.department() != null && search.department() != ownQueue) {
      throw new AccessDeniedException("department staff see only their own queue");
    }
    return search.inQueueOf(ownQueue);
  }
}
