package io.crossdesk.workorder.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class QueueAccessTest {

  private static final WorkOrderSearch EVERYTHING = new WorkOrderSearch(null, null, null);

  @Test
  void department_staff_search_only_their_own_queue() {
    QueueAccess access = QueueAccess.of(staffOf("network-ops"));

    assertThat(access.restrict(EVERYTHING).department()).isEqualTo(Department.NETWORK_OPS);
  }

  @Test
  void department_staff_asking_for_another_queue_are_refused() {
    QueueAccess access = QueueAccess.of(staffOf("network-ops"));

    assertThatThrownBy(() -> access.restrict(new WorkOrderSearch(null, Department.BILLING, null)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void department_staff_without_a_known_department_see_nothing() {
    assertThatThrownBy(() -> QueueAccess.of(staffOf(null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> QueueAccess.of(staffOf("catering")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void the_desk_sees_every_queue_even_with_a_department_claim() {
    Caller agentInDepartment =
        new Caller("agent-1", EnumSet.of(Role.AGENT, Role.DEPARTMENT), "billing", null);

    QueueAccess access = QueueAccess.of(agentInDepartment);

    assertThat(access.restrict(EVERYTHING)).isEqualTo(EVERYTHING);
  }

  @Test
  void customers_see_no_work_orders() {
    assertThatThrownBy(() -> QueueAccess.of(new Caller("c", Set.of(Role.CUSTOMER), null, "C-1")))
        .isInstanceOf(AccessDeniedException.class);
  }

  private static Caller staffOf(String department) {
    return new Caller("staff", EnumSet.of(Role.DEPARTMENT), department, null);
  }
}
