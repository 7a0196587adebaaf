package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCountersTest {

  private static final Instant NOW = Instant.parse("2025-03-04T09:00:00Z");

  @Test
  void counts_an_opened_ticket_by_type_category_and_channel() {
    TicketOpened ticket =
        new TicketOpened(
            "T-1",
            "C-1",
            "A",
            "HOTLINE",
            "NETWORK",
            "HIGH",
            "Line down",
            null,
            "agent-7",
            null,
            null,
            NOW,
            NOW.plusSeconds(3600),
            null,
            null,
            null,
            null,
            null);

    assertThat(EventCounters.of("crossdesk.ticket.opened.v1", ticket))
        .containsExactly(
            new Counter(Dimension.EVENTS_BY_TYPE, "crossdesk.ticket.opened.v1"),
            new Counter(Dimension.TICKETS_BY_CATEGORY, "NETWORK"),
            new Counter(Dimension.TICKETS_BY_CHANNEL, "HOTLINE"));
  }

  @Test
  void counts_a_routed_work_order_by_type_and_department() {
    WorkOrderRouted workOrder =
        new WorkOrderRouted(
            "W-1", "T-1", "C-1", "NETWORK", "network-ops", "network-faults", NOW, null);

    assertThat(EventCounters.of("crossdesk.workorder.routed.v1", workOrder))
        .containsExactly(
            new Counter(Dimension.EVENTS_BY_TYPE, "crossdesk.workorder.routed.v1"),
            new Counter(Dimension.WORK_ORDERS_BY_DEPARTMENT, "network-ops"));
  }

  @Test
  void counts_any_other_event_by_its_type_alone() {
    assertThat(EventCounters.of("crossdesk.customer.registered.v1"))
        .containsExactly(new Counter(Dimension.EVENTS_BY_TYPE, "crossdesk.customer.registered.v1"));
  }

  @Test
  void keeps_counters_of_different_dimensions_apart() {
    assertThat(new Counter(Dimension.TICKETS_BY_CATEGORY, "SMS").id())
        .isNotEqualTo(new Counter(Dimension.TICKETS_BY_CHANNEL, "SMS").id());
  }

  @Test
  void refuses_a_counter_without_key() {
    assertThatThrownBy(() -> new Counter(Dimension.TICKETS_BY_CHANNEL, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
