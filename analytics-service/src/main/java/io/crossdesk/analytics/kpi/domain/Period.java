package io.crossdesk.analytics.kpi.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The periods a KPI report is bucketed by; weeks start on Monday. */
public enum Period {
  HOUR(Granularity.HOUR, Duration.ofDays(31)),
  DAY(Granularity.DAY, Duration.ofDays(400)),
  WEEK(Granularity.DAY, Duration.ofDays(400)),
  MONTH(Granularity.DAY, Duration.ofDays(800));

  private final Granularity stored;
  private final Duration longestRange;

  Period(Granularity stored, Duration longestRange) {
    this.stored = stored;
    this.longestRange = longestRange;
  }

  public static Period fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The stored buckets this period is summed from. */
  public Granularity stored() {
    return stored;
  }

  /** The longest range one report may cover in this period, to bound what a request reads. */
  public Duration longestRange() {
    return longestRange;
  }

  /** The start of the period that {@code local} falls in. */
  public LocalDateTime startOf(LocalDateTime local) {
    return switch (this) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
      case DAY -> local.truncatedTo(ChronoUnit.DAYS);
      case WEEK ->
          local
              .truncatedTo(ChronoUnit.DAYS)
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    };
  }

  /** The start of the period after the one starting at {@code start}. */
  public LocalDateTime next(LocalDateTime start) {
    return switch (this) {
      case HOUR -> start.plusHours(1);
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** The start of the period before the one starting at {@code start}. */
  public LocalDateTime previous(LocalDateTime start) {
    return switch (this) {
      case HOUR -> start.minusHours(1);
      case DAY -> start.minusDays(1);
      case WEEK -> start.minusWeeks(1);
      case MONTH -> start.minusMonths(1);
    };
  }

  /** The labels of the stored buckets from {@code from} (inclusive) to {@code to} (exclusive). */
  public List<LocalDateTime> storedStarts(LocalDateTime from, LocalDateTime to) {
    List<LocalDateTime> starts = new ArrayList<>();
    ChronoUnit unit = stored == Granularity.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
    for (LocalDateTime at = from.truncatedTo(unit); at.isBefore(to); at = at.plus(1, unit)) {
      starts.add(at);
    }
    return starts;
  }
}
