package io.crossdesk.workorder.workorder.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.routing.domain.Router;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant DEADLINE = Instant.parse("2025-03-01T13:00:00Z");

  @Test
  void a_routed_ticket_waits_in_the_queue_of_its_lead_department_with_the_ticket_deadline() {
    UUID id = UUID.randomUUID();
    TicketToRoute ticket =
        new TicketToRoute("T-1", "C-1", "A", "SIGNAL", "HIGH", "No signal downtown", DEADLINE);

    WorkOrder order = WorkOrder.route(id, ticket, new Router(StandardRoutingRules.ALL), NOW);

    assertThat(order.id()).isEqualTo(id);
    assertThat(order.ticketId()).isEqualTo("T-1");
    assertThat(order.department()).isEqualTo(Department.NETWORK_OPS);
    assertThat(order.routingRule()).isEqualTo("network-faults");
    assertThat(order.status()).isEqualTo(WorkOrderStatus.ROUTED);
    assertThat(order.createdAt()).isEqualTo(NOW);
    assertThat(order.resolveBy()).isEqualTo(DEADLINE);
    assertThat(order.isQueuedFor(Department.NETWORK_OPS)).isTrue();
    assertThat(order.isQueuedFor(Department.BILLING)).isFalse();
  }
}
