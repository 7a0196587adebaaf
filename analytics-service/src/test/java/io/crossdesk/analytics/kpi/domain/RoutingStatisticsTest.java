package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingStatisticsTest {

  @Test
  void averages_the_routing_times_in_seconds() {
    RoutingStatistics statistics = RoutingStatistics.of(2, 120_000, 90_000);

    assertThat(statistics).isEqualTo(new RoutingStatistics(2, 60.0, 90.0));
  }

  @Test
  void keeps_millisecond_precision() {
    RoutingStatistics statistics = RoutingStatistics.of(3, 10_000, 4_500);

    assertThat(statistics.meanSeconds()).isEqualTo(3.333);
    assertThat(statistics.maxSeconds()).isEqualTo(4.5);
  }

  @Test
  void has_no_mean_or_maximum_before_any_ticket_is_routed() {
    assertThat(RoutingStatistics.of(0, 0, 0)).isEqualTo(new RoutingStatistics(0, null, null));
  }
}
