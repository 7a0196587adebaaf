package io.crossdesk.notification.log.domain;

import io.crossdesk.notification.template.domain.Locales;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times and durations as messages state them. The recipient's time zone is not known here, so times
 * are stated in UTC and say so.
 */
public final class Moments {

  private static final DateTimeFormatter EN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（'UTC'）").withZone(ZoneOffset.UTC);

  private Moments() {}

  /** The moment in the locale's words; null for null. */
  public static String at(Instant moment, String locale) {
    if (moment == null) {
      return null;
    }
    return (Locales.ZH_CN.equals(locale) ? ZH : EN).format(moment);
  }

  /** The time from {@code from} to {@code to} ({@link #span}); null when {@code from} is. */
  public static String between(Instant from, Instant to, String locale) {
    return from == null ? null : span(Duration.between(from, to), locale);
  }

  /** The time from {@code from} to {@code to} ({@link #span}); null when {@code to} is. */
  public static String until(Instant from, Instant to, String locale) {
    return to == null ? null : span(Duration.between(from, to), locale);
  }

  /** A length of time in hours and minutes ("2 h 05 min"); zero when negative or null. */
  public static String span(Duration length, String locale) {
    Duration positive = length == null || length.isNegative() ? Duration.ZERO : length;
    long hours = positive.toHours();
    int minutes = positive.toMinutesPart();
    if (Locales.ZH_CN.equals(locale)) {
      return hours > 0 ? hours + "小时" + minutes + "分钟" : minutes + "分钟";
    }
    return hours > 0 ? String.format("%d h %02d min", hours, minutes) : minutes + " min";
  }
}
