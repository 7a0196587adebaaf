package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The buckets KPIs are kept in: hours and days of the analytics time zone (weeks and months are
 * summed from days when they are asked for), and, for counts a report needs as they stand (the
 * customers), one bucket of all time.
 */
public enum Granularity {
  HOUR("H"),
  DAY("D"),
  TOTAL("T");

  /** The label of the one bucket of all time. */
  public static final String ALL_TIME = "all";

  private final String code;

  Granularity(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The bucket {@code at} falls in, as its label: {@code 2026-12-05T10} or {@code 2026-12-05}. */
  public String label(Instant at, ZoneId zone) {
    return label(at.atZone(zone).toLocalDateTime());
  }

  /** The label of the bucket a local time of the analytics zone falls in. */
  public String label(LocalDateTime local) {
    return switch (this) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
      case DAY -> local.toLocalDate().toString();
      case TOTAL -> ALL_TIME;
    };
  }

  /** When the bucket with this label starts. */
  public Instant start(String label, ZoneId zone) {
    return switch (this) {
      case HOUR -> LocalDateTime.parse(label + ":00").atZone(zone).toInstant();
      case DAY -> LocalDate.parse(label).atStartOfDay(zone).toInstant();
      case TOTAL -> Instant.EPOCH;
    };
  }

  public static Granularity fromCode(String code) {
    for (Granularity granularity : values()) {
      if (granularity.code.equals(code)) {
        return granularity;
      }
    }
    throw new IllegalArgumentException("no granularity " + code);
  }
}
