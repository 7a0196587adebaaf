package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.analytics.AnomalyDetected;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Detects complaint spikes per category and region: each complaint adds to its hour; when the hour
 * reaches the {@link SpikeRule}'s threshold, computed from the hours before it, a spike is raised.
 * One spike is raised once: not again in the same hour, nor in the next hour when it goes on.
 */
public final class SpikeLedger {

  public static final String KIND = "COMPLAINT_SPIKE";

  private static final DateTimeFormatter HOUR_ID =
      DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);

  /** The key's state after a complaint, and the spike it raised, if any. */
  public record Result(ComplaintHours state, Optional<AnomalyDetected> raised) {}

  private SpikeLedger() {}

  public static Result fold(ComplaintHours before, Signal complaint, SpikeRule rule) {
    long hour = Math.floorDiv(complaint.at().getEpochSecond(), 3600);
    SortedMap<Long, Long> perHour =
        new TreeMap<>(before.perHour().tailMap(hour - rule.baselineHours()));
    long observed = perHour.merge(hour, 1L, Long::sum);

    double sum = 0;
    double squares = 0;
    for (long h = hour - rule.baselineHours(); h < hour; h++) {
      long count = perHour.getOrDefault(h, 0L);
      sum += count;
      squares += (double) count * count;
    }
    double mean = sum / rule.baselineHours();
    double stdDev = Math.sqrt(Math.max(0, squares / rule.baselineHours() - mean * mean));
    double threshold = Math.max(rule.minCount(), mean + rule.sigmas() * stdDev);

    boolean spiking = observed >= threshold && observed > mean;
    boolean sameSpike =
        before.spikeHour() != null
            && (before.spikeHour() == hour || before.spikeHour() == hour - 1);
    if (!spiking) {
      return new Result(new ComplaintHours(perHour, before.spikeHour()), Optional.empty());
    }
    ComplaintHours after = new ComplaintHours(perHour, hour);
    if (sameSpike) {
      return new Result(after, Optional.empty());
    }
    Instant hourStart = Instant.ofEpochSecond(hour * 3600);
    String category = complaint.category() == null ? Dimension.UNKNOWN : complaint.category();
    String region = complaint.region() == null ? Dimension.UNKNOWN : complaint.region();
    return new Result(
        after,
        Optional.of(
            new AnomalyDetected(
                "spike-" + category + "-" + region + "-" + HOUR_ID.format(hourStart),
                KIND,
                category,
                region,
                hourStart,
                observed,
                round(mean),
                round(stdDev),
                round(threshold),
                complaint.at())));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
