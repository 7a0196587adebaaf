package io.crossdesk.ticket.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ExpectedCompletionWordsTest {

  private static final Instant AT = Instant.parse("2026-12-03T15:00:00Z");

  @Test
  void a_desk_in_utc_reads_utc() {
    assertThat(WorkOrderProgress.inWords(AT, ZoneOffset.UTC))
        .isEqualTo("Thursday 3 December 2026, 15:00 UTC");
    assertThat(WorkOrderProgress.inWords(AT, ZoneId.of("UTC")))
        .isEqualTo("Thursday 3 December 2026, 15:00 UTC");
  }

  @Test
  void a_desk_elsewhere_reads_its_own_time_and_date_with_the_zone_named() {
    assertThat(WorkOrderProgress.inWords(AT, ZoneId.of("Asia/Shanghai")))
        .isEqualTo("Thursday 3 December 2026, 23:00 Asia/Shanghai");
    assertThat(
            WorkOrderProgress.inWords(
                Instant.parse("2026-12-03T20:00:00Z"), ZoneId.of("Asia/Shanghai")))
        .as("past midnight there, the next day")
        .isEqualTo("Friday 4 December 2026, 04:00 Asia/Shanghai");
  }
}
