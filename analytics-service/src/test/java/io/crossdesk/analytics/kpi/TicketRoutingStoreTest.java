package io.crossdesk.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.analytics.kpi.domain.RoutingStatistics;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketRoutingStoreTest {

  private static final Instant OPENED = Instant.parse("2025-03-04T09:00:00Z");

  private final ProjectionStores stores = new ProjectionStores();
  private final TicketRoutingStore routing = new TicketRoutingStore(stores.mongo());

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void has_no_statistics_before_a_ticket_is_routed() {
    routing.opened("T-1", OPENED);

    assertThat(routing.statistics()).isEqualTo(new RoutingStatistics(0, null, null));
  }

  @Test
  void measures_a_ticket_whose_routing_arrives_before_its_opening() {
    routing.routed("T-1", OPENED.plusSeconds(45));
    routing.opened("T-1", OPENED);

    assertThat(routing.statistics()).isEqualTo(new RoutingStatistics(1, 45.0, 45.0));
  }

  @Test
  void measures_the_wait_for_the_first_of_several_work_orders() {
    routing.opened("T-1", OPENED);
    routing.routed("T-1", OPENED.plusSeconds(120));
    routing.routed("T-1", OPENED.plusSeconds(20));
    routing.routed("T-1", OPENED.plusSeconds(20));

    assertThat(routing.statistics()).isEqualTo(new RoutingStatistics(1, 20.0, 20.0));
  }

  @Test
  void averages_over_routed_tickets_only() {
    routing.opened("T-1", OPENED);
    routing.routed("T-1", OPENED.plusMillis(1_500));
    routing.opened("T-2", OPENED);
    routing.routed("T-2", OPENED.plusMillis(4_500));
    routing.opened("T-3", OPENED);

    assertThat(routing.statistics()).isEqualTo(new RoutingStatistics(2, 3.0, 4.5));
  }

  @Test
  void counts_a_routing_that_seems_to_precede_the_opening_as_immediate() {
    routing.opened("T-1", OPENED);
    routing.routed("T-1", OPENED.minusMillis(3));

    assertThat(routing.statistics()).isEqualTo(new RoutingStatistics(1, 0.0, 0.0));
  }
}
