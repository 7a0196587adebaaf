package io.crossdesk.ticket.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.platform.time.CalendarSpec;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  /** Monday to Friday 09:00-12:00 and 13:00-18:00 in Shanghai; 2026-10-01 is a holiday. */
  static final BusinessCalendar OFFICE = office();

  private static final BusinessCalendar ALWAYS = SlaPolicy.roundTheClock().toCalendar();

  // Monday 2026-09-28 10:00 in Shanghai.
  private static final Instant MONDAY_TEN = Instant.parse("2026-09-28T02:00:00Z");

  private static final SlaTargets EIGHT_HOURS = new SlaTargets(60, 8 * 60);

  static BusinessCalendar office() {
    Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, List.of("09:00-12:00", "13:00-18:00"));
    }
    return new CalendarSpec(
            "Asia/Shanghai", week, List.of(LocalDate.parse("2026-10-01")), List.of())
        .toCalendar();
  }

  @Test
  void counts_the_targets_in_business_hours_skipping_lunch_and_the_evening() {
    SlaClock clock = SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS);

    // 10:00-12:00 and 13:00-18:00 is 7 hours on Monday; the eighth is Tuesday 09:00-10:00.
    assertThat(clock.resolution(OFFICE, MONDAY_TEN).dueAt())
        .isEqualTo(Instant.parse("2026-09-29T02:00:00Z"));
    assertThat(clock.firstResponse(OFFICE, MONDAY_TEN).dueAt())
        .isEqualTo(Instant.parse("2026-09-28T03:00:00Z"));
  }

  @Test
  void skips_holidays_and_weekends() {
    // Wednesday 2026-09-30 17:00: one hour that day, Thursday is a holiday, Friday gives the rest.
    Instant wednesdayFive = Instant.parse("2026-09-30T09:00:00Z");
    SlaClock clock = SlaClock.start(1, wednesdayFive, new SlaTargets(60, 10 * 60));

    // 1 h on Wednesday + 8 h on Friday = 9 h, the tenth on Monday 09:00-10:00.
    assertThat(clock.resolution(OFFICE, wednesdayFive).dueAt())
        .isEqualTo(Instant.parse("2026-10-05T02:00:00Z"));
  }

  @Test
  void a_pause_moves_the_deadline_by_the_business_time_it_lasted() {
    SlaClock running = SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS);
    Instant pausedAt = MONDAY_TEN.plus(Duration.ofHours(1)); // 11:00
    Instant resumedAt = MONDAY_TEN.plus(Duration.ofHours(4)); // 14:00, 2 business hours later

    SlaClock paused = running.pause(pausedAt, "waiting for the router's serial number");
    TargetStatus whilePaused = paused.resolution(OFFICE, pausedAt.plusSeconds(60));
    assertThat(whilePaused.paused()).isTrue();
    assertThat(whilePaused.dueAt()).isNull();
    assertThat(whilePaused.timeLeft()).isEqualTo(Duration.ofHours(7));

    SlaClock resumed = paused.resume(resumedAt);
    assertThat(resumed.resolution(OFFICE, resumedAt).dueAt())
        .isEqualTo(running.resolution(OFFICE, resumedAt).dueAt().plus(Duration.ofHours(2)))
        .isEqualTo(Instant.parse("2026-09-29T04:00:00Z"));
  }

  @Test
  void a_pause_outside_business_hours_moves_nothing() {
    SlaClock running = SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS);
    Instant evening = Instant.parse("2026-09-28T11:00:00Z"); // 19:00 Shanghai
    Instant night = Instant.parse("2026-09-28T14:00:00Z"); // 22:00

    SlaClock resumed = running.pause(evening, "customer away").resume(night);

    assertThat(resumed.resolution(OFFICE, night).dueAt())
        .isEqualTo(running.resolution(OFFICE, night).dueAt());
  }

  @Test
  void a_new_target_applies_from_the_start_not_from_now() {
    SlaClock clock =
        SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS)
            .pause(MONDAY_TEN.plus(Duration.ofHours(1)), "waiting")
            .resume(MONDAY_TEN.plus(Duration.ofHours(4)));
    Instant later = Instant.parse("2026-09-28T09:00:00Z");

    SlaClock urgent = clock.retarget(new SlaTargets(30, 4 * 60));

    // 4 business hours from Monday 10:00 with the 2-hour pause: 10-11, 14-17 -> 17:00 Shanghai.
    assertThat(urgent.resolution(OFFICE, later).dueAt())
        .isEqualTo(Instant.parse("2026-09-28T09:00:00Z"));
  }

  @Test
  void met_and_breached_follow_when_the_work_was_done() {
    SlaClock clock = SlaClock.start(1, MONDAY_TEN, new SlaTargets(30, 120));
    Instant inTime = MONDAY_TEN.plus(Duration.ofMinutes(20));
    Instant late = MONDAY_TEN.plus(Duration.ofHours(5));

    SlaClock answeredInTime = clock.responded(inTime);
    assertThat(answeredInTime.firstResponse(ALWAYS, late).met()).isTrue();
    assertThat(answeredInTime.resolution(ALWAYS, late).breached()).isTrue();
    assertThat(answeredInTime.resolution(ALWAYS, late).timeLeft()).isNegative();

    SlaClock resolvedLate = answeredInTime.resolved(late);
    assertThat(resolvedLate.resolution(ALWAYS, late.plusSeconds(3600)))
        .satisfies(
            status -> {
              assertThat(status.met()).isFalse();
              assertThat(status.breached()).isTrue();
              assertThat(status.timeLeft()).isEqualTo(Duration.ofHours(-3));
            });
  }

  @Test
  void a_target_met_before_a_pause_keeps_its_due_time_while_the_pause_lasts() {
    SlaClock answered =
        SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS)
            .responded(MONDAY_TEN.plusSeconds(60))
            .pause(MONDAY_TEN.plusSeconds(120), "waiting");

    TargetStatus firstResponse = answered.firstResponse(ALWAYS, MONDAY_TEN.plusSeconds(600));

    assertThat(firstResponse.met()).isTrue();
    assertThat(firstResponse.dueAt()).isEqualTo(MONDAY_TEN.plus(Duration.ofHours(1)));
  }

  @Test
  void resolving_while_paused_ends_the_pause() {
    SlaClock paused = SlaClock.start(1, MONDAY_TEN, EIGHT_HOURS).pause(MONDAY_TEN, "waiting");

    SlaClock resolved = paused.resolved(MONDAY_TEN.plusSeconds(600));

    assertThat(resolved.isPaused()).isFalse();
    assertThat(resolved.resolution(ALWAYS, MONDAY_TEN.plusSeconds(900)).met()).isTrue();
  }

  @Test
  void the_share_of_the_target_elapsed_gives_the_escalation_instants() {
    SlaClock clock = SlaClock.start(1, MONDAY_TEN, new SlaTargets(60, 4 * 60));

    assertThat(clock.whenResolutionShareElapsed(ALWAYS, 75))
        .isEqualTo(MONDAY_TEN.plus(Duration.ofHours(3)));
    assertThat(clock.whenResolutionShareElapsed(ALWAYS, 150))
        .isEqualTo(MONDAY_TEN.plus(Duration.ofHours(6)));
    assertThat(
            clock
                .pause(MONDAY_TEN.plusSeconds(60), "waiting")
                .whenResolutionShareElapsed(ALWAYS, 75))
        .isNull();
  }
}
