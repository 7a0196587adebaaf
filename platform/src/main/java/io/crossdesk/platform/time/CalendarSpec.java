package io.crossdesk.platform.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as data: what a service binds from configuration, accepts as JSON or stores
 * in MongoDB, and turns into a {@link BusinessCalendar} with {@link #toCalendar()}.
 *
 * <pre>
 * zone: Asia/Shanghai
 * hours:
 *   MONDAY: ["09:00-12:00", "13:00-18:00"]
 *   ...
 * holidays: [2026-10-01, 2026-10-02]
 * working-days: [2026-10-10]
 * </pre>
 *
 * @param zone a time-zone id such as {@code Europe/Berlin}
 * @param hours opening hours per day of the week as {@code HH:mm-HH:mm}; days left out are closed
 * @param holidays dates the desk is closed; may be null
 * @param workingDays extra working dates; may be null
 */
public record CalendarSpec(
    String zone,
    Map<DayOfWeek, List<String>> hours,
    List<LocalDate> holidays,
    List<LocalDate> workingDays) {

  /**
   * @throws IllegalArgumentException naming what is wrong: an unknown zone, hours that do not parse
   *     or overlap, no hours at all, a date both a holiday and a working day
   */
  public BusinessCalendar toCalendar() {
    Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
    if (hours != null) {
      hours.forEach(
          (day, stretches) -> {
            List<OpeningHours> parsed = new ArrayList<>();
            for (String stretch : stretches == null ? List.<String>of() : stretches) {
              try {
                parsed.add(OpeningHours.parse(stretch));
              } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(day + ": " + e.getMessage(), e);
              }
            }
            week.put(day, parsed);
          });
    }
    return BusinessCalendar.of(
        zoneId(),
        week,
        holidays == null ? List.of() : holidays,
        workingDays == null ? List.of() : workingDays);
  }

  private ZoneId zoneId() {
    if (zone == null || zone.isBlank()) {
      throw new IllegalArgumentException("a business calendar needs a time zone");
    }
    try {
      return ZoneId.of(zone.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + zone + "'", e);
    }
  }
}
