package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void every_duration_falls_in_a_bin_whose_value_is_within_one_and_a_half_percent() {
    for (long seconds : List.of(1L, 2L, 3L, 59L, 60L, 61L, 3_599L, 3_600L, 86_400L, 31_536_000L)) {
      assertThat(Histogram.value(Histogram.bin(seconds)))
          .as("%d s", seconds)
          .isCloseTo(seconds, within(seconds * 0.015));
    }
    assertThat(Histogram.bin(0)).isZero();
    assertThat(Histogram.value(0)).isZero();
  }

  @Test
  void percentiles_are_the_nearest_rank_within_one_and_a_half_percent() {
    Random random = new Random(42);
    long[] durations = new long[1_001];
    SortedMap<Integer, Long> bins = new TreeMap<>();
    for (int i = 0; i < durations.length; i++) {
      durations[i] = 1 + random.nextInt(200_000);
      bins.merge(Histogram.bin(durations[i]), 1L, Long::sum);
    }
    java.util.Arrays.sort(durations);

    assertThat(Histogram.percentile(bins, 0.5))
        .isCloseTo(durations[500], within(durations[500] * 0.015));
    assertThat(Histogram.percentile(bins, 0.9))
        .isCloseTo(durations[900], within(durations[900] * 0.015));
    assertThat(Histogram.percentile(new TreeMap<>(), 0.5)).isNull();
  }
}
