package io.crossdesk.analytics.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketResolved;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketLedgerTest {

  private static final TicketLedger LEDGER = new TicketLedger();
  private static final Instant OPENED = Instant.parse("2025-03-04T09:30:00Z");

  @Test
  void an_event_counted_once_adds_nothing_the_second_time() {
    Folded<TicketState> first = LEDGER.fold(TicketState.unknown(), "e-1", opened());
    Folded<TicketState> again = LEDGER.fold(first.state(), "e-1", opened());

    assertThat(first.contributions()).hasSize(1);
    assertThat(first.contributions().get(0).counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(Counters.TICKETS_OPENED, 1L, Counters.COMPLAINTS_OPENED, 1L));
    assertThat(again.contributions()).isEmpty();
  }

  @Test
  void a_resolution_counts_under_the_groups_the_opening_gave_and_its_own_department() {
    TicketState open = LEDGER.fold(TicketState.unknown(), "e-1", opened()).state();
    Contribution resolved = LEDGER.fold(open, "e-2", resolved()).contributions().get(0);

    assertThat(resolved.group(Dimension.CHANNEL)).isEqualTo("HOTLINE");
    assertThat(resolved.group(Dimension.REGION)).isEqualTo("CN-SH");
    assertThat(resolved.group(Dimension.DEPARTMENT)).isEqualTo("billing");
    assertThat(resolved.durations()).containsEntry(Counters.RESOLUTION_TIME, 5_400L);
    assertThat(resolved.counts()).containsKeys(Counters.RESOLUTION_SLA_MET);
    assertThat(BucketKey.of(resolved, ZoneId.of("Asia/Shanghai")))
        .extracting(BucketKey::toString)
        .contains("H|2025-03-04T19|department|billing", "D|2025-03-04|all|all");
  }

  @Test
  void a_dimension_without_a_value_counts_as_unknown() {
    Contribution closed =
        LEDGER
            .fold(
                TicketState.unknown(),
                "e-9",
                new TicketClosed(
                    "T-1", "CD-1", "C-1", null, "NETWORK", "MERGED", null, "a", OPENED))
            .contributions()
            .get(0);

    assertThat(closed.group(Dimension.TIER)).isEqualTo(Dimension.UNKNOWN);
    assertThat(closed.group(Dimension.ALL)).isEqualTo("all");
  }

  private static TicketOpened opened() {
    return new TicketOpened(
        "T-1",
        "C-1",
        "A",
        "HOTLINE",
        "NETWORK",
        "HIGH",
        "Line down",
        null,
        "agent-7",
        null,
        null,
        OPENED,
        OPENED.plusSeconds(14_400),
        "CD-1",
        "COMPLAINT",
        null,
        null,
        "CN-SH");
  }

  private static TicketResolved resolved() {
    return new TicketResolved(
        "T-1",
        "CD-1",
        "C-1",
        "A",
        "COMPLAINT",
        "NETWORK",
        "HOTLINE",
        "billing",
        "Fixed",
        "agent-7",
        false,
        false,
        1,
        OPENED,
        OPENED.plusSeconds(14_400),
        OPENED.plusSeconds(5_400));
  }
}
