package io.crossdesk.customer.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketStateTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private static TicketState opened(String type) {
    return new TicketState("T-1", "CD-1", type, "Line down", TicketState.OPEN, NOW, NOW);
  }

  @Test
  void a_ticket_is_open_until_closed_and_an_older_event_delivered_late_changes_nothing() {
    TicketState closed =
        opened("FAULT")
            .moved(TicketState.RESOLVED, NOW.plusSeconds(60))
            .moved(TicketState.CLOSED, NOW.plusSeconds(120));
    assertThat(closed.isOpen()).isFalse();

    assertThat(closed.moved(TicketState.RESOLVED, NOW.plusSeconds(60))).isSameAs(closed);
  }

  @Test
  void a_reopened_ticket_is_open_again() {
    TicketState reopened =
        opened("COMPLAINT")
            .moved(TicketState.RESOLVED, NOW.plusSeconds(60))
            .moved(TicketState.OPEN, NOW.plusSeconds(120));

    assertThat(reopened.isOpen()).isTrue();
    assertThat(reopened.isComplaint()).isTrue();
    assertThat(reopened.openedAt()).isEqualTo(NOW);
  }

  @Test
  void the_same_event_applied_again_gives_the_same_state() {
    TicketState resolved = opened("FAULT").moved(TicketState.RESOLVED, NOW.plusSeconds(60));

    assertThat(resolved.moved(TicketState.RESOLVED, NOW.plusSeconds(60))).isEqualTo(resolved);
  }

  @Test
  void a_move_that_arrives_before_the_opening_is_kept() {
    TicketState first = TicketState.first("T-1", TicketState.RESOLVED, NOW);

    assertThat(first.isOpen()).isTrue();
    assertThat(first.openedAt()).isNull();
    assertThat(first.moved(TicketState.CLOSED, NOW.plusSeconds(1)).isOpen()).isFalse();
  }
}
