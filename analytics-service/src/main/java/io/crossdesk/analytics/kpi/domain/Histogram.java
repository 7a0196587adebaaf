package io.crossdesk.analytics.kpi.domain;

import java.util.Map;
import java.util.SortedMap;

/**
 * Durations counted in logarithmic bins, 24 to each doubling, so any percentile read from them is
 * within 1.5% of the exact one, however many durations a bucket holds. Bin 0 holds durations under
 * a second; bin n (from 1) holds [2^((n-1)/24), 2^(n/24)) seconds.
 */
public final class Histogram {

  static final int BINS_PER_DOUBLING = 24;

  private Histogram() {}

  public static int bin(long seconds) {
    if (seconds < 1) {
      return 0;
    }
    int bin = 1 + (int) Math.floor(BINS_PER_DOUBLING * log2(seconds));
    // Guard the floor against rounding just below an exact power.
    while (bin > 1 && lower(bin) > seconds) {
      bin--;
    }
    while (upper(bin) <= seconds) {
      bin++;
    }
    return bin;
  }

  /** The value a bin stands for: the geometric middle of its range, 0 for bin 0. */
  public static double value(int bin) {
    return bin == 0 ? 0 : Math.pow(2, (bin - 0.5) / BINS_PER_DOUBLING);
  }

  /**
   * The nearest-rank percentile of the counted durations, in seconds, or null when there are none.
   *
   * @param share the percentile as a share, 0.5 for the median
   */
  public static Double percentile(SortedMap<Integer, Long> bins, double share) {
    long total = bins.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(share * total));
    long seen = 0;
    for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
      seen += bin.getValue();
      if (seen >= rank) {
        return value(bin.getKey());
      }
    }
    throw new IllegalStateException("rank beyond the count");
  }

  private static double lower(int bin) {
    return Math.pow(2, (bin - 1) / (double) BINS_PER_DOUBLING);
  }

  private static double upper(int bin) {
    return Math.pow(2, bin / (double) BINS_PER_DOUBLING);
  }

  private static double log2(long value) {
    return Math.log(value) / Math.log(2);
  }
}
