package io.crossdesk.platform.time;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One stretch of working time within a day, in wall-clock time of the calendar's zone. {@code
 * closes} of midnight means the end of the day (written {@code 24:00}), so that a day can be worked
 * to its end; a night shift is two stretches, {@code 22:00-24:00} and {@code 00:00-06:00} of the
 * next day.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

  private static final Pattern FORMAT =
      Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");

  public OpeningHours {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    if (!untilEndOfDay(closes) && !closes.isAfter(opens)) {
      throw new IllegalArgumentException(
          "opening hours must end after they start: " + text(opens, closes));
    }
  }

  /** Parses {@code HH:mm-HH:mm}, for example {@code 09:00-12:00} or {@code 18:00-24:00}. */
  public static OpeningHours parse(String text) {
    Matcher matcher = FORMAT.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("opening hours must read HH:mm-HH:mm, not '" + text + "'");
    }
    LocalTime opens = time(matcher.group(1), matcher.group(2), text, false);
    LocalTime closes = time(matcher.group(3), matcher.group(4), text, true);
    if (closes.equals(LocalTime.MIDNIGHT) && !matcher.group(3).equals("24")) {
      throw new IllegalArgumentException(
          "opening hours that run to the end of the day close at 24:00, not 00:00: '" + text + "'");
    }
    return new OpeningHours(opens, closes);
  }

  /** The length on a day without a change of UTC offset. */
  public Duration length() {
    Duration end =
        untilEndOfDay(closes) ? Duration.ofDays(1) : Duration.ofNanos(closes.toNanoOfDay());
    return end.minusNanos(opens.toNanoOfDay());
  }

  boolean closesAtEndOfDay() {
    return untilEndOfDay(closes);
  }

  boolean overlaps(OpeningHours other) {
    return opens.isBefore(other.end()) && other.opens.isBefore(end());
  }

  private LocalTime end() {
    return untilEndOfDay(closes) ? LocalTime.MAX : closes;
  }

  @Override
  public String toString() {
    return text(opens, closes);
  }

  private static boolean untilEndOfDay(LocalTime closes) {
    return closes.equals(LocalTime.MIDNIGHT);
  }

  private static String text(LocalTime opens, LocalTime closes) {
    return opens + "-" + (untilEndOfDay(closes) ? "24:00" : closes.toString());
  }

  private static LocalTime time(String hours, String minutes, String text, boolean closing) {
    int h = Integer.parseInt(hours);
    int m = Integer.parseInt(minutes);
    if (closing && h == 24 && m == 0) {
      return LocalTime.MIDNIGHT;
    }
    if (h > 23 || m > 59) {
      throw new IllegalArgumentException(
          "not a time of day: " + hours + ":" + minutes + " in '" + text + "'");
    }
    return LocalTime.of(h, m);
  }
}
