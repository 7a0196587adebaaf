package io.crossdesk.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<OpeningHours> OFFICE =
      List.of(OpeningHours.parse("09:00-12:00"), OpeningHours.parse("13:00-18:00"));

  /** Monday to Friday 09:00-12:00 and 13:00-18:00 in Berlin; closed on 24 to 26 December 2026. */
  private final BusinessCalendar office =
      BusinessCalendar.of(
          BERLIN,
          weekdays(OFFICE),
          List.of(
              LocalDate.parse("2026-12-24"),
              LocalDate.parse("2026-12-25"),
              LocalDate.parse("2026-12-26")),
          List.of());

  @Test
  void business_time_stops_for_the_weekend() {
    assertThat(office.plus(berlin("2026-12-04T17:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-12-07T10:00"));
    assertThat(office.between(berlin("2026-12-04T17:00"), berlin("2026-12-07T10:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void business_time_stops_for_lunch() {
    assertThat(office.plus(berlin("2026-12-01T11:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-12-01T14:00"));
    assertThat(office.between(berlin("2026-12-01T11:30"), berlin("2026-12-01T13:30")))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void a_holiday_is_skipped_like_a_weekend() {
    // Wednesday 23 December, then Thursday to Saturday off, then Sunday.
    assertThat(office.plus(berlin("2026-12-23T17:00"), Duration.ofHours(2)))
        .isEqualTo(berlin("2026-12-28T10:00"));
    assertThat(office.isOpen(berlin("2026-12-24T10:00"))).isFalse();
  }

  @Test
  void time_starts_counting_at_the_next_opening_when_the_desk_is_closed() {
    assertThat(office.plus(berlin("2026-12-05T08:00"), Duration.ofHours(1)))
        .as("Saturday")
        .isEqualTo(berlin("2026-12-07T10:00"));
    assertThat(office.plus(berlin("2026-12-01T06:00"), Duration.ofMinutes(30)))
        .as("before opening")
        .isEqualTo(berlin("2026-12-01T09:30"));
    assertThat(office.plus(berlin("2026-12-01T12:30"), Duration.ofHours(1)))
        .as("at lunch")
        .isEqualTo(berlin("2026-12-01T14:00"));
    assertThat(office.plus(berlin("2026-12-01T19:00"), Duration.ofHours(1)))
        .as("after closing")
        .isEqualTo(berlin("2026-12-02T10:00"));
  }

  @Test
  void zero_business_time_is_now_when_open_and_the_next_opening_when_closed() {
    assertThat(office.plus(berlin("2026-12-01T10:15"), Duration.ZERO))
        .isEqualTo(berlin("2026-12-01T10:15"));
    assertThat(office.plus(berlin("2026-12-01T18:00"), Duration.ZERO))
        .isEqualTo(berlin("2026-12-02T09:00"));
    assertThat(office.between(berlin("2026-12-01T10:15"), berlin("2026-12-01T10:15"))).isZero();
    assertThat(office.between(berlin("2026-12-05T10:00"), berlin("2026-12-06T10:00"))).isZero();
  }

  @Test
  void an_amount_that_ends_at_closing_time_ends_there_not_at_the_next_opening() {
    assertThat(office.plus(berlin("2026-12-01T17:00"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-12-01T18:00"));
    assertThat(office.plus(berlin("2026-12-07T09:00"), Duration.ofHours(40)))
        .as("exactly one week of business time")
        .isEqualTo(berlin("2026-12-11T18:00"));
    assertThat(office.plus(berlin("2026-11-02T09:00"), Duration.ofHours(40 * 4)))
        .as("exactly four weeks, skipped whole")
        .isEqualTo(berlin("2026-11-27T18:00"));
  }

  @Test
  void the_desk_is_open_from_opening_time_up_to_but_excluding_closing_time() {
    assertThat(office.isOpen(berlin("2026-12-01T09:00"))).isTrue();
    assertThat(office.isOpen(berlin("2026-12-01T11:59:59"))).isTrue();
    assertThat(office.isOpen(berlin("2026-12-01T12:00"))).isFalse();
    assertThat(office.isOpen(berlin("2026-12-01T18:00"))).isFalse();
    assertThat(office.isOpen(berlin("2026-12-05T10:00"))).isFalse();
  }

  @Test
  void business_time_between_instants_in_reverse_order_is_negative() {
    assertThat(office.between(berlin("2026-12-07T10:00"), berlin("2026-12-04T17:00")))
        .isEqualTo(Duration.ofHours(-2));
  }

  @Test
  void make_up_working_days_open_with_ordinary_hours_and_holidays_close() {
    BusinessCalendar china =
        BusinessCalendar.of(
            SHANGHAI,
            weekdays(OFFICE),
            LocalDate.parse("2026-10-01").datesUntil(LocalDate.parse("2026-10-08")).toList(),
            List.of(LocalDate.parse("2026-09-27"), LocalDate.parse("2026-10-10")));

    Instant saturdayShift = ZonedDateTime.of(2026, 10, 10, 10, 0, 0, 0, SHANGHAI).toInstant();
    assertThat(china.isOpen(saturdayShift)).isTrue();
    assertThat(china.hoursOn(LocalDate.parse("2026-10-10"))).isEqualTo(OFFICE);
    // Wednesday 30 September 17:00: one hour that day, the holiday week, then Thursday 8 October.
    assertThat(
            china.plus(
                ZonedDateTime.of(2026, 9, 30, 17, 0, 0, 0, SHANGHAI).toInstant(),
                Duration.ofHours(2)))
        .isEqualTo(ZonedDateTime.of(2026, 10, 8, 10, 0, 0, 0, SHANGHAI).toInstant());
    assertThat(
            china.between(
                ZonedDateTime.of(2026, 10, 9, 9, 0, 0, 0, SHANGHAI).toInstant(),
                ZonedDateTime.of(2026, 10, 12, 9, 0, 0, 0, SHANGHAI).toInstant()))
        .as("Friday and the make-up Saturday")
        .isEqualTo(Duration.ofHours(16));
  }

  @Test
  void a_day_worked_around_the_clock_has_23_hours_when_clocks_spring_forward_and_25_in_autumn() {
    BusinessCalendar allDay =
        BusinessCalendar.everyDay(BERLIN, List.of(OpeningHours.parse("00:00-24:00")));

    assertThat(allDay.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")))
        .isEqualTo(Duration.ofHours(23));
    assertThat(allDay.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")))
        .isEqualTo(Duration.ofHours(25));
    assertThat(allDay.plus(berlin("2026-03-28T12:00"), Duration.ofHours(24)))
        .isEqualTo(berlin("2026-03-29T13:00"));
    Instant start = berlin("2026-01-05T08:00");
    assertThat(allDay.plus(start, Duration.ofDays(400)))
        .isEqualTo(start.plus(Duration.ofDays(400)));
  }

  @Test
  void office_hours_keep_their_wall_clock_times_across_a_change_of_offset() {
    Instant friday = berlin("2026-03-27T17:00");
    Instant monday = office.plus(friday, Duration.ofHours(2));

    assertThat(monday).isEqualTo(berlin("2026-03-30T10:00"));
    assertThat(Duration.between(friday, monday))
        .as("one hour less over the weekend")
        .isEqualTo(Duration.ofHours(64));
  }

  @Test
  void hours_that_span_the_skipped_or_repeated_hour_are_one_hour_shorter_or_longer() {
    Map<DayOfWeek, List<OpeningHours>> night = new EnumMap<>(DayOfWeek.class);
    night.put(DayOfWeek.SUNDAY, List.of(OpeningHours.parse("01:00-04:00")));
    night.put(DayOfWeek.MONDAY, List.of(OpeningHours.parse("02:15-02:45")));
    BusinessCalendar nights = BusinessCalendar.of(BERLIN, night, List.of(), List.of());

    assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")))
        .isEqualTo(Duration.ofHours(2));
    assertThat(nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(nights.isOpen(berlin("2026-03-29T03:30"))).isTrue();
    // 02:30 does not exist on 29 March: an hour from 01:30 ends at 03:30.
    assertThat(nights.plus(berlin("2026-03-29T01:30"), Duration.ofHours(1)))
        .isEqualTo(berlin("2026-03-29T03:30"));
  }

  @Test
  void plus_and_between_agree_on_many_random_instants_and_amounts() {
    Random random = new Random(20261201);
    Instant from = berlin("2026-01-01T00:00");
    for (int i = 0; i < 2_000; i++) {
      Instant start = from.plusSeconds(random.nextInt(2 * 365 * 24 * 3600));
      Duration amount = Duration.ofSeconds(random.nextInt(i % 10 == 0 ? 2_000 * 3600 : 30 * 3600));

      Instant end = office.plus(start, amount);

      assertThat(office.between(start, end)).as("from %s by %s", start, amount).isEqualTo(amount);
      Instant later = end.plusSeconds(random.nextInt(7 * 24 * 3600));
      Instant reached = office.plus(start, office.between(start, later));
      assertThat(reached).isBeforeOrEqualTo(later);
      assertThat(office.between(reached, later)).isZero();
    }
  }

  @Test
  void plus_matches_counting_open_minutes_one_by_one() {
    Random random = new Random(7);
    BusinessCalendar nights = nightShiftsWithHolidays();
    for (BusinessCalendar calendar : List.of(office, nights)) {
      for (int i = 0; i < 150; i++) {
        Instant start =
            berlin("2026-03-20T00:00").plus(random.nextInt(60 * 24 * 240), ChronoUnit.MINUTES);
        int minutes = random.nextInt(3 * 8 * 60);
        assertThat(calendar.plus(start, Duration.ofMinutes(minutes)))
            .as("%s from %s", minutes, start)
            .isEqualTo(countingOpenMinutes(calendar, start, minutes));
      }
    }
  }

  @Test
  void long_amounts_skip_whole_weeks_and_land_where_adding_day_by_day_lands() {
    BusinessCalendar nights = nightShiftsWithHolidays();
    Instant start = berlin("2026-01-07T10:30");
    Duration fiveYears = Duration.ofHours(5 * 52 * 40);

    Instant whole =
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> office.plus(start, fiveYears));

    Instant stepwise = start;
    for (Duration left = fiveYears; !left.isZero(); ) {
      Duration step = left.compareTo(Duration.ofHours(7)) > 0 ? Duration.ofHours(7) : left;
      stepwise = office.plus(stepwise, step);
      left = left.minus(step);
    }
    assertThat(whole).isEqualTo(stepwise);
    assertThat(office.between(start, whole)).isEqualTo(fiveYears);
    Instant nightsEnd = nights.plus(start, Duration.ofHours(3_000));
    assertThat(nights.between(start, nightsEnd)).isEqualTo(Duration.ofHours(3_000));
  }

  @Test
  void twenty_four_seven_business_time_is_elapsed_time() {
    BusinessCalendar always = BusinessCalendar.twentyFourSeven();
    Instant start = Instant.parse("2026-12-05T23:59:30Z");

    assertThat(always.plus(start, Duration.ofHours(50)))
        .isEqualTo(start.plus(Duration.ofHours(50)));
    assertThat(always.between(start, start.plusSeconds(1234))).isEqualTo(Duration.ofSeconds(1234));
    assertThat(always.plus(start, Duration.ZERO)).isEqualTo(start);
    assertThat(always.isOpen(start)).isTrue();
  }

  @Test
  void invalid_calendars_are_refused_with_the_reason() {
    Map<DayOfWeek, List<OpeningHours>> overlapping = new EnumMap<>(DayOfWeek.class);
    overlapping.put(
        DayOfWeek.MONDAY,
        List.of(OpeningHours.parse("13:00-18:00"), OpeningHours.parse("09:00-13:30")));

    assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, overlapping, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MONDAY: opening hours 13:00-18:00 overlap 09:00-13:30");
    assertThatThrownBy(() -> OpeningHours.parse("18:00-09:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("opening hours must end after they start: 18:00-09:00");
    assertThatThrownBy(() -> OpeningHours.parse("9-12"))
        .hasMessage("opening hours must read HH:mm-HH:mm, not '9-12'");
    assertThatThrownBy(() -> OpeningHours.parse("18:00-00:00"))
        .hasMessageContaining("close at 24:00, not 00:00");
    assertThatThrownBy(() -> OpeningHours.parse("24:00-24:00"))
        .hasMessageContaining("not a time of day: 24:00");
    assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, Map.of(), List.of(), List.of()))
        .hasMessageContaining("needs opening hours on at least one day");
    LocalDate christmas = LocalDate.parse("2026-12-25");
    assertThatThrownBy(
            () ->
                BusinessCalendar.of(
                    BERLIN, weekdays(OFFICE), List.of(christmas), List.of(christmas)))
        .hasMessage("2026-12-25 cannot be both a holiday and an extra working day");
    assertThatThrownBy(() -> office.plus(Instant.EPOCH, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }

  /** Odd hours, touching stretches, hours in the skipped hour, holidays and make-up days. */
  private static BusinessCalendar nightShiftsWithHolidays() {
    Map<DayOfWeek, List<OpeningHours>> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY)) {
      hours.put(
          day,
          List.of(
              OpeningHours.parse("00:00-03:30"),
              OpeningHours.parse("03:30-06:00"),
              OpeningHours.parse("22:15-24:00")));
    }
    hours.put(DayOfWeek.FRIDAY, List.of(OpeningHours.parse("02:10-02:50")));
    return BusinessCalendar.of(
        BERLIN,
        hours,
        List.of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-10-25")),
        List.of(LocalDate.parse("2026-04-04")));
  }

  /** The reference: walk minute by minute, counting the minutes the desk is open. */
  private static Instant countingOpenMinutes(
      BusinessCalendar calendar, Instant start, int minutes) {
    Instant t = start;
    int counted = 0;
    while (true) {
      if (calendar.isOpen(t)) {
        if (counted == minutes) {
          return t;
        }
        counted++;
        if (counted == minutes) {
          return t.plus(1, ChronoUnit.MINUTES);
        }
      }
      t = t.plus(1, ChronoUnit.MINUTES);
    }
  }

  private static Map<DayOfWeek, List<OpeningHours>> weekdays(List<OpeningHours> hours) {
    Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        week.put(day, hours);
      }
    }
    return week;
  }

  private static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
  }
}
