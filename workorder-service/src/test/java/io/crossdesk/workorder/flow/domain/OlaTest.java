package io.crossdesk.workorder.flow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.time.BusinessCalendar;
import io.crossdesk.workorder.department.domain.StandardDepartments;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OlaTest {

  // Office hours in Shanghai: 09:00-12:00 and 13:00-18:00 on weekdays (01:00-04:00 and 05:00-10:00
  // UTC).
  private static final BusinessCalendar OFFICE = StandardDepartments.OFFICE_HOURS.toCalendar();

  @Test
  void counts_an_ola_in_business_hours_across_lunch_and_the_night() {
    // Friday 2026-03-06 16:00 Shanghai: 2 h left that day, 6 h on Monday from 09:00.
    Instant friday = Instant.parse("2026-03-06T08:00:00Z");

    Instant due = Ola.businessHours(8).dueFrom(friday, OFFICE);

    // Monday 09:00-12:00 is 3 h, 13:00-16:00 another 3: due Monday 16:00 Shanghai.
    assertThat(due).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
  }

  @Test
  void a_call_back_within_three_days_runs_on_the_wall_clock() {
    Instant friday = Instant.parse("2026-03-06T08:00:00Z");

    assertThat(Ola.elapsedDays(3).dueFrom(friday, OFFICE))
        .isEqualTo(friday.plusSeconds(3 * 24 * 3600));
  }

  @Test
  void a_share_of_the_ola_is_a_share_of_its_business_time() {
    // Monday 09:00 Shanghai; 75% of 4 h is 3 h: 12:00, the start of lunch.
    Instant monday = Instant.parse("2026-03-09T01:00:00Z");

    assertThat(Ola.businessHours(4).share(monday, OFFICE, 75))
        .isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
    assertThat(Ola.businessHours(4).share(monday, OFFICE, 150))
        .isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
  }
}
