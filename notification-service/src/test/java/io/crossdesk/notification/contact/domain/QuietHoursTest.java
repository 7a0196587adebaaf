package io.crossdesk.notification.contact.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  @Test
  void quiet_hours_across_midnight_end_the_next_morning_in_the_customers_zone() {
    QuietHours nights = QuietHours.parse("22:00", "08:00", "Asia/Shanghai").orElseThrow();

    // 23:30 in Shanghai
    assertThat(nights.endIfCovering(Instant.parse("2026-03-04T15:30:00Z")))
        .contains(Instant.parse("2026-03-05T00:00:00Z"));
    // 07:00 in Shanghai, the same night
    assertThat(nights.endIfCovering(Instant.parse("2026-03-04T23:00:00Z")))
        .contains(Instant.parse("2026-03-05T00:00:00Z"));
    // 12:00 in Shanghai
    assertThat(nights.endIfCovering(Instant.parse("2026-03-05T04:00:00Z"))).isEmpty();
  }

  @Test
  void quiet_hours_within_a_day_end_the_same_day() {
    QuietHours lunch = QuietHours.parse("12:00", "13:30", "UTC").orElseThrow();

    assertThat(lunch.endIfCovering(Instant.parse("2026-03-04T12:10:00Z")))
        .contains(Instant.parse("2026-03-04T13:30:00Z"));
    assertThat(lunch.endIfCovering(Instant.parse("2026-03-04T13:30:00Z"))).isEmpty();
  }

  @Test
  void what_the_events_state_unreadably_or_not_at_all_means_no_quiet_hours() {
    assertThat(QuietHours.parse(null, "08:00", "UTC")).isEmpty();
    assertThat(QuietHours.parse("22:00", "08:00", "Mars/Olympus")).isEmpty();
    assertThat(QuietHours.parse("22:00", "22:00", "UTC")).isEmpty();
  }
}
