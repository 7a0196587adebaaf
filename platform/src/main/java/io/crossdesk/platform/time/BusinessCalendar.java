package io.crossdesk.platform.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When a desk works: opening hours per day of the week in a time zone, holidays, and extra working
 * dates (make-up working days, which take the hours of the first day of the week that has any,
 * counting from Monday). Business time is the time spent inside opening hours; SLA targets and OLAs
 * are measured in it.
 *
 * <p>Hours are wall-clock times, so a day whose hours span a change to or from daylight saving time
 * has an hour more or less of business time. A time that does not exist on such a day counts as the
 * moment the clocks jumped; a time that exists twice counts at its first occurrence.
 *
 * <p>{@link #plus} and {@link #between} step from one stretch of opening hours to the next and skip
 * whole weeks at once where no holiday, extra working date or change of offset falls, so a year of
 * business time costs a few dozen steps.
 */
public final class BusinessCalendar {

  private static final BusinessCalendar TWENTY_FOUR_SEVEN = twentyFourSevenIn(ZoneOffset.UTC);

  private final ZoneId zone;
  private final Map<DayOfWeek, List<OpeningHours>> week;
  private final NavigableSet<LocalDate> holidays;
  private final NavigableSet<LocalDate> workingDays;
  private final NavigableSet<LocalDate> exceptions = new TreeSet<>();
  private final List<OpeningHours> workingDayHours;
  private final Duration weekLength;
  private final BusinessDays days;

  private BusinessCalendar(
      ZoneId zone,
      Map<DayOfWeek, List<OpeningHours>> hours,
      Collection<LocalDate> holidays,
      Collection<LocalDate> workingDays) {
    this.zone = Objects.requireNonNull(zone, "zone");
    this.week = new EnumMap<>(DayOfWeek.class);
    Duration length = Duration.ZERO;
    for (DayOfWeek day : DayOfWeek.values()) {
      List<OpeningHours> sorted = sortedWithoutOverlaps(day, hours.getOrDefault(day, List.of()));
      week.put(day, sorted);
      for (OpeningHours stretch : sorted) {
        length = length.plus(stretch.length());
      }
    }
    if (length.isZero()) {
      throw new IllegalArgumentException(
          "a business calendar needs opening hours on at least one day of the week");
    }
    this.weekLength = length;
    this.holidays = new TreeSet<>(holidays);
    this.workingDays = new TreeSet<>(workingDays);
    for (LocalDate date : this.workingDays) {
      if (this.holidays.contains(date)) {
        throw new IllegalArgumentException(
            date + " cannot be both a holiday and an extra working day");
      }
    }
    exceptions.addAll(this.holidays);
    exceptions.addAll(this.workingDays);
    this.workingDayHours =
        week.values().stream().filter(stretches -> !stretches.isEmpty()).findFirst().orElseThrow();
    this.days = new BusinessDays(zone, this::hoursOn);
  }

  /**
   * @param hours opening hours per day of the week; a day left out or mapped to an empty list is
   *     closed
   * @param holidays dates the desk is closed, whatever their day of the week
   * @param workingDays extra working dates, usually a weekend day worked in exchange for a holiday
   * @throws IllegalArgumentException when hours of one day overlap, no day has hours, or a date is
   *     both a holiday and a working day
   */
  public static BusinessCalendar of(
      ZoneId zone,
      Map<DayOfWeek, List<OpeningHours>> hours,
      Collection<LocalDate> holidays,
      Collection<LocalDate> workingDays) {
    return new BusinessCalendar(zone, hours, holidays, workingDays);
  }

  /** The same opening hours every day of the week, holidays aside. */
  public static BusinessCalendar everyDay(ZoneId zone, List<OpeningHours> hours) {
    Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, hours);
    }
    return of(zone, week, List.of(), List.of());
  }

  /** Always open: business time is elapsed time. */
  public static BusinessCalendar twentyFourSeven() {
    return TWENTY_FOUR_SEVEN;
  }

  private static BusinessCalendar twentyFourSevenIn(ZoneId zone) {
    return everyDay(zone, List.of(new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
  }

  public ZoneId zone() {
    return zone;
  }

  /** The opening hours of {@code date}, holidays and extra working days applied. */
  public List<OpeningHours> hoursOn(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    if (workingDays.contains(date) && week.get(date.getDayOfWeek()).isEmpty()) {
      return workingDayHours;
    }
    return week.get(date.getDayOfWeek());
  }

  public boolean isOpen(Instant instant) {
    for (BusinessDays.Span span : days.spans(LocalDate.ofInstant(instant, zone))) {
      if (!instant.isBefore(span.opens()) && instant.isBefore(span.closes())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code start}. Time
   * starts counting at the next opening when {@code start} is outside opening hours, so zero
   * business time from a closed desk is its next opening; an amount that ends exactly at closing
   * time ends there, not at the next opening.
   */
  public Instant plus(Instant start, Duration amount) {
    Objects.requireNonNull(start, "start");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("business time to add must not be negative: " + amount);
    }
    Duration remaining = amount;
    Instant cursor = start;
    LocalDate date = LocalDate.ofInstant(start, zone);
    while (true) {
      if (!cursor.isAfter(days.startOf(date)) && remaining.compareTo(weekLength) > 0) {
        // Skip only while more than the skipped weeks remains: an amount that ends at a closing
        // time must end there.
        long weeks = Math.min(clearWeeksFrom(date), remaining.minusNanos(1).dividedBy(weekLength));
        if (weeks > 0) {
          remaining = remaining.minus(weekLength.multipliedBy(weeks));
          date = date.plusWeeks(weeks);
          cursor = days.startOf(date);
          continue;
        }
      }
      for (BusinessDays.Span span : days.spans(date)) {
        if (!span.closes().isAfter(cursor)) {
          continue;
        }
        Instant from = span.opens().isAfter(cursor) ? span.opens() : cursor;
        Duration available = Duration.between(from, span.closes());
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
        cursor = span.closes();
      }
      date = date.plusDays(1);
    }
  }

  /** Business time from {@code from} to {@code to}; negative when {@code to} comes first. */
  public Duration between(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return between(to, from).negated();
    }
    Duration total = Duration.ZERO;
    LocalDate date = LocalDate.ofInstant(from, zone);
    LocalDate last = LocalDate.ofInstant(to, zone);
    while (!date.isAfter(last)) {
      if (!from.isAfter(days.startOf(date))) {
        long weeks = Math.min(clearWeeksFrom(date), ChronoUnit.DAYS.between(date, last) / 7);
        if (weeks > 0) {
          total = total.plus(weekLength.multipliedBy(weeks));
          date = date.plusWeeks(weeks);
          continue;
        }
      }
      for (BusinessDays.Span span : days.spans(date)) {
        Instant opens = span.opens().isAfter(from) ? span.opens() : from;
        Instant closes = span.closes().isBefore(to) ? span.closes() : to;
        if (closes.isAfter(opens)) {
          total = total.plus(Duration.between(opens, closes));
        }
      }
      date = date.plusDays(1);
    }
    return total;
  }

  /**
   * Whole weeks from {@code date} on that are ordinary: no holiday, no extra working day and no
   * change of UTC offset, so each holds exactly the weekly business time.
   */
  private long clearWeeksFrom(LocalDate date) {
    long days = Long.MAX_VALUE;
    LocalDate exception = exceptions.ceiling(date);
    if (exception != null) {
      days = ChronoUnit.DAYS.between(date, exception);
    }
    LocalDate change = this.days.nextOffsetChange(date);
    if (change != null) {
      days = Math.min(days, ChronoUnit.DAYS.between(date, change));
    }
    return Math.max(days, 0) / 7;
  }

  private static List<OpeningHours> sortedWithoutOverlaps(
      DayOfWeek day, List<OpeningHours> stretches) {
    List<OpeningHours> sorted = new ArrayList<>(stretches);
    sorted.sort(Comparator.comparing(OpeningHours::opens));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).overlaps(sorted.get(i))) {
        throw new IllegalArgumentException(
            day + ": opening hours " + sorted.get(i) + " overlap " + sorted.get(i - 1));
      }
    }
    return List.copyOf(sorted);
  }

  @Override
  public String toString() {
    return "BusinessCalendar["
        + zone
        + ", "
        + week
        + ", holidays "
        + holidays
        + ", working days "
        + workingDays
        + "]";
  }
}
