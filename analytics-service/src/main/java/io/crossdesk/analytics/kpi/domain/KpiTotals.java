package io.crossdesk.analytics.kpi.domain;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The sums of one bucket and group: each counter, and per duration metric its count, its total in
 * seconds ({@code <metric>Count}, {@code <metric>Seconds}) and its histogram. Totals of several
 * buckets or sources add up with {@link #add(KpiTotals)}.
 */
public final class KpiTotals {

  private final SortedMap<String, Long> counts;
  private final SortedMap<String, SortedMap<Integer, Long>> bins;

  public KpiTotals() {
    this(new TreeMap<>(), new TreeMap<>());
  }

  public KpiTotals(
      SortedMap<String, Long> counts, SortedMap<String, SortedMap<Integer, Long>> bins) {
    this.counts = counts;
    this.bins = bins;
  }

  public void add(Contribution contribution) {
    contribution.counts().forEach((counter, amount) -> counts.merge(counter, amount, Long::sum));
    contribution
        .durations()
        .forEach(
            (metric, seconds) -> {
              counts.merge(metric + "Count", 1L, Long::sum);
              counts.merge(metric + "Seconds", seconds, Long::sum);
              bins.computeIfAbsent(metric, m -> new TreeMap<>())
                  .merge(Histogram.bin(seconds), 1L, Long::sum);
            });
  }

  public void add(KpiTotals other) {
    other.counts.forEach((counter, amount) -> counts.merge(counter, amount, Long::sum));
    other.bins.forEach(
        (metric, histogram) -> {
          SortedMap<Integer, Long> mine = bins.computeIfAbsent(metric, m -> new TreeMap<>());
          histogram.forEach((bin, count) -> mine.merge(bin, count, Long::sum));
        });
  }

  public long count(String counter) {
    return counts.getOrDefault(counter, 0L);
  }

  public SortedMap<String, Long> counts() {
    return Collections.unmodifiableSortedMap(counts);
  }

  public SortedMap<String, SortedMap<Integer, Long>> bins() {
    return Collections.unmodifiableSortedMap(bins);
  }

  public SortedMap<Integer, Long> histogram(String metric) {
    return Collections.unmodifiableSortedMap(bins.getOrDefault(metric, new TreeMap<>()));
  }
}
