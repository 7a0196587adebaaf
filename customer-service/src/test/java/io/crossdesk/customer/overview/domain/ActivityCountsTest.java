package io.crossdesk.customer.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityCountsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void counts_complaints_opened_in_the_last_90_days() {
    ActivityCounts counts =
        new ActivityCounts(
            Map.of(
                ActivityCounts.dayOf(NOW.minus(Duration.ofDays(91))), 4,
                ActivityCounts.dayOf(NOW.minus(Duration.ofDays(90))), 1,
                ActivityCounts.dayOf(NOW.minus(Duration.ofDays(10))), 2),
            0,
            0,
            null,
            null);

    assertThat(counts.complaintsSince(NOW)).isEqualTo(3);
  }

  @Test
  void a_counted_day_drops_only_days_already_out_of_the_window() {
    assertThat(ActivityCounts.staleDays(NOW))
        .hasSize(ActivityCounts.PRUNED)
        .allMatch(day -> day.compareTo(ActivityCounts.dayOf(NOW.minus(Duration.ofDays(90)))) < 0)
        .contains(ActivityCounts.dayOf(NOW.minus(Duration.ofDays(91))));
  }

  @Test
  void averages_the_scores_and_has_none_before_the_first() {
    assertThat(ActivityCounts.none().averageSatisfaction()).isEmpty();
    assertThat(new ActivityCounts(null, 7, 2, null, null).averageSatisfaction()).hasValue(3.5);
  }

  @Test
  void shows_the_risk_flags_for_thirty_days_after_they_were_raised() {
    ActivityCounts flagged =
        new ActivityCounts(null, 0, 0, List.of("LOW_SATISFACTION"), NOW.minus(Duration.ofDays(29)));

    assertThat(flagged.riskFlagsAt(NOW)).containsExactly("LOW_SATISFACTION");
    assertThat(flagged.riskFlagsAt(NOW.plus(Duration.ofDays(2)))).isEmpty();
    assertThat(ActivityCounts.none().riskFlagsAt(NOW)).isEmpty();
  }
}
