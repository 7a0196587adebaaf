package io.crossdesk.customer.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the overview counts of a customer, kept by increment rather than by listing tickets: the
 * complaints opened per UTC day (the complaint window is whole days: the day 90 days ago counts,
 * the day before it does not), the sum and number of satisfaction scores, and the risk flags of
 * analytics' latest CustomerAtRisk with when it was raised; the flags show for {@link #RISK_WINDOW}
 * after it. Its size follows the days with a complaint in the window, not the customer's history:
 * days older than {@link #PRUNED} are dropped as new ones are counted.
 */
public record ActivityCounts(
    Map<String, Integer> complaintsByDay,
    long scoreSum,
    long scores,
    List<String> riskFlags,
    Instant riskFlaggedAt) {

  public static final Duration COMPLAINT_WINDOW = Duration.ofDays(90);

  /** How long analytics' signs of churn hold: 30 days (docs/analytics.md). */
  public static final Duration RISK_WINDOW = Duration.ofDays(30);

  /** Day keys this far before a newly counted day are removed in the same write. */
  public static final int PRUNED = 30;

  public ActivityCounts {
    complaintsByDay = complaintsByDay == null ? Map.of() : Map.copyOf(complaintsByDay);
    riskFlags = riskFlags == null ? List.of() : List.copyOf(riskFlags);
  }

  public static ActivityCounts none() {
    return new ActivityCounts(null, 0, 0, null, null);
  }

  /** The key under which a complaint opened at {@code at} is counted: its UTC day. */
  public static String dayOf(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
  }

  /**
   * The day keys out of the window of a complaint opened at {@code at}, to drop as it is counted.
   */
  public static List<String> staleDays(Instant at) {
    LocalDate first = LocalDate.ofInstant(at.minus(COMPLAINT_WINDOW), ZoneOffset.UTC);
    return java.util.stream.IntStream.rangeClosed(1, PRUNED)
        .mapToObj(back -> first.minusDays(back).toString())
        .toList();
  }

  public long complaintsSince(Instant now) {
    String from = dayOf(now.minus(COMPLAINT_WINDOW));
    return complaintsByDay.entrySet().stream()
        .filter(day -> day.getKey().compareTo(from) >= 0)
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The risk flags that still hold at {@code now}. */
  public List<String> riskFlagsAt(Instant now) {
    return riskFlaggedAt != null && riskFlaggedAt.isAfter(now.minus(RISK_WINDOW))
        ? riskFlags
        : List.of();
  }

  public OptionalDouble averageSatisfaction() {
    return scores == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) scoreSum / scores);
  }
}
