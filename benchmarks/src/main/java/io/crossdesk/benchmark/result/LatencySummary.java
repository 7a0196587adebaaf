package io.crossdesk.benchmark.result;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram, in milliseconds; zero when nothing was recorded. */
public record LatencySummary(long count, double p50, double p99, double p999, double max) {

  /** {@code unitsPerMilli}: 1 for a histogram in milliseconds, 1000 for one in microseconds. */
  public static LatencySummary of(Histogram histogram, double unitsPerMilli) {
    if (histogram == null || histogram.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50) / unitsPerMilli,
        histogram.getValueAtPercentile(99) / unitsPerMilli,
        histogram.getValueAtPercentile(99.9) / unitsPerMilli,
        histogram.getMaxValue() / unitsPerMilli);
  }
}
