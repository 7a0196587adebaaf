package io.crossdesk.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CalendarSpecTest {

  private static final String JSON =
      """
      {
        "zone": "Asia/Shanghai",
        "hours": {
          "MONDAY": ["09:00-12:00", "13:00-18:00"],
          "TUESDAY": ["09:00-12:00", "13:00-18:00"],
          "WEDNESDAY": ["09:00-12:00", "13:00-18:00"],
          "THURSDAY": ["09:00-12:00", "13:00-18:00"],
          "FRIDAY": ["09:00-12:00", "13:00-18:00"]
        },
        "holidays": ["2026-10-01", "2026-10-02", "2026-10-05"],
        "workingDays": ["2026-10-10"]
      }
      """;

  @Test
  void a_calendar_accepted_as_json_works_its_hours_holidays_and_make_up_days() {
    CalendarSpec spec = JsonMapper.builder().build().readValue(JSON, CalendarSpec.class);

    BusinessCalendar calendar = spec.toCalendar();

    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    assertThat(calendar.zone()).isEqualTo(shanghai);
    assertThat(calendar.hoursOn(LocalDate.parse("2026-10-10"))).hasSize(2);
    assertThat(calendar.hoursOn(LocalDate.parse("2026-10-02"))).isEmpty();
    assertThat(
            calendar.between(
                ZonedDateTime.of(2026, 9, 30, 9, 0, 0, 0, shanghai).toInstant(),
                ZonedDateTime.of(2026, 10, 11, 9, 0, 0, 0, shanghai).toInstant()))
        .as("30 Sep, 6 to 9 Oct and the make-up Saturday")
        .isEqualTo(Duration.ofHours(6 * 8));
  }

  @Test
  void a_spec_survives_a_json_round_trip_unchanged() {
    JsonMapper json = JsonMapper.builder().build();
    CalendarSpec spec = json.readValue(JSON, CalendarSpec.class);

    assertThat(json.readValue(json.writeValueAsString(spec), CalendarSpec.class)).isEqualTo(spec);
  }

  @Test
  void missing_lists_mean_none_and_missing_days_are_closed() {
    CalendarSpec spec =
        new CalendarSpec("UTC", Map.of(DayOfWeek.SATURDAY, List.of("10:00-14:00")), null, null);

    BusinessCalendar calendar = spec.toCalendar();

    assertThat(calendar.hoursOn(LocalDate.parse("2026-12-05"))).hasSize(1);
    assertThat(calendar.hoursOn(LocalDate.parse("2026-12-07"))).isEmpty();
  }

  @Test
  void a_wrong_spec_is_refused_naming_the_zone_or_the_day() {
    assertThatThrownBy(() -> new CalendarSpec("Mars/Olympus", Map.of(), null, null).toCalendar())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown time zone 'Mars/Olympus'");
    assertThatThrownBy(() -> new CalendarSpec(null, Map.of(), null, null).toCalendar())
        .hasMessage("a business calendar needs a time zone");
    assertThatThrownBy(
            () ->
                new CalendarSpec("UTC", Map.of(DayOfWeek.FRIDAY, List.of("9:00-17:00")), null, null)
                    .toCalendar())
        .hasMessage("FRIDAY: opening hours must read HH:mm-HH:mm, not '9:00-17:00'");
    assertThatThrownBy(
            () ->
                new CalendarSpec(
                        "UTC",
                        Map.of(DayOfWeek.FRIDAY, List.of("09:00-17:00", "16:00-20:00")),
                        null,
                        null)
                    .toCalendar())
        .hasMessage("FRIDAY: opening hours 16:00-20:00 overlap 09:00-17:00");
  }
}
