package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTotalsTest {

  @Test
  void groups_counter_values_by_dimension_in_key_order() {
    KpiTotals totals =
        KpiTotals.of(
            List.of(
                new CounterValue(new Counter(Dimension.TICKETS_BY_CATEGORY, "TARIFF"), 2),
                new CounterValue(new Counter(Dimension.TICKETS_BY_CHANNEL, "SMS"), 4),
                new CounterValue(new Counter(Dimension.TICKETS_BY_CATEGORY, "BILLING"), 7)));

    assertThat(totals.by(Dimension.TICKETS_BY_CATEGORY))
        .containsExactly(entry("BILLING", 7L), entry("TARIFF", 2L));
    assertThat(totals.by(Dimension.TICKETS_BY_CHANNEL)).containsExactly(entry("SMS", 4L));
  }

  @Test
  void shows_a_dimension_nothing_was_counted_by_as_empty() {
    assertThat(KpiTotals.of(List.of()).by(Dimension.WORK_ORDERS_BY_DEPARTMENT)).isEmpty();
  }
}
