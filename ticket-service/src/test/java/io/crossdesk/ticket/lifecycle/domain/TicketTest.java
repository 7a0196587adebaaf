package io.crossdesk.ticket.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.sla.domain.SlaTargets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketTest {

  static final Instant OPENED = Instant.parse("2026-12-01T09:15:00Z");
  static final SlaTargets TARGETS = new SlaTargets(60, 8 * 60);

  static Ticket opened(String id, String customerId, TicketType type) {
    return Ticket.open(
        id,
        "CD-20261201-" + id,
        new TicketDraft(customerId, Channel.HOTLINE, "NETWORK", type, null, "No signal", null),
        new Classification(CustomerTier.A, false, type, Priority.HIGH),
        Origin.person("agent-7"),
        "agent-7",
        OPENED,
        1,
        TARGETS);
  }

  static Ticket opened() {
    return opened("000001", "cust-1", TicketType.FAULT);
  }

  private static Instant later(int minutes) {
    return OPENED.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void opens_owned_by_the_agent_who_received_it_with_a_public_entry_naming_its_number() {
    Ticket ticket = opened();

    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.owner()).isEqualTo("agent-7");
    assertThat(ticket.round()).isEqualTo(1);
    assertThat(ticket.timeline())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo(TimelineEntryType.OPENED);
              assertThat(entry.isPublic()).isTrue();
              assertThat(entry.text()).contains("CD-20261201-000001", "No signal");
            });
  }

  @Test
  void routing_is_public_and_a_follow_up_after_resolution_is_only_noted() {
    Ticket routed = opened().routeTo("wo-1", "network-ops", "Network operations", later(1), "ev-1");

    assertThat(routed.status()).isEqualTo(TicketStatus.ROUTED);
    assertThat(routed.department()).isEqualTo("network-ops");
    assertThat(routed.hasRecorded("ev-1")).isTrue();
    assertThat(routed.timeline().get(1).text())
        .isEqualTo("Your request was passed to Network operations");

    Ticket resolved = routed.resolve(resolution(later(30)));
    Ticket followUp = resolved.routeTo("wo-1", "service-center", null, later(31), "ev-2");
    assertThat(followUp.status()).isEqualTo(TicketStatus.RESOLVED);
    assertThat(followUp.timeline().get(followUp.timeline().size() - 1).isPublic()).isFalse();
  }

  @Test
  void waiting_for_the_customer_pauses_the_clock_and_returns_to_where_it_was() {
    Ticket routed = opened().routeTo("wo-1", "network-ops", null, later(1), "ev-1");

    Ticket waiting =
        routed.waitForCustomer("need the router's serial number", "agent-7", later(10));
    assertThat(waiting.status()).isEqualTo(TicketStatus.WAITING_CUSTOMER);
    assertThat(waiting.sla().isPaused()).isTrue();

    Ticket resumed = waiting.resume("agent-7", later(70));
    assertThat(resumed.status()).isEqualTo(TicketStatus.ROUTED);
    assertThat(resumed.sla().isPaused()).isFalse();
    assertThat(resumed.sla().pauses())
        .singleElement()
        .satisfies(p -> assertThat(p.to()).isEqualTo(later(70)));
  }

  @Test
  void an_illegal_move_throws_and_names_both_statuses() {
    Ticket resolved = opened().resolve(resolution(later(5)));

    assertThatThrownBy(() -> resolved.waitForCustomer("why", "agent-7", later(6)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("RESOLVED")
        .hasMessageContaining("WAITING_CUSTOMER");
    Ticket closed = resolved.confirm("cust-1", later(7));
    assertThatThrownBy(() -> closed.reopen("still broken", TARGETS, "cust-1", later(8)))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> opened().confirm("cust-1", later(1)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void a_rejected_resolution_reopens_one_level_higher_with_a_fresh_clock() {
    Ticket resolved =
        opened()
            .routeTo("wo-1", "network-ops", null, later(1), "ev-1")
            .resolve(resolution(later(30)));

    Ticket reopened = resolved.reopen("still no signal", TARGETS, "cust-1", later(60));

    assertThat(reopened.status()).isEqualTo(TicketStatus.REOPENED);
    assertThat(reopened.round()).isEqualTo(2);
    assertThat(reopened.escalationLevel()).isEqualTo(1);
    assertThat(reopened.resolution()).isNull();
    assertThat(reopened.workOrderId()).isNull();
    assertThat(reopened.sla().startedAt()).isEqualTo(later(60));
    assertThat(reopened.routeTo("wo-2", "network-ops", null, later(61), "ev-9").status())
        .isEqualTo(TicketStatus.ROUTED);
  }

  @Test
  void escalates_once_per_threshold_however_often_the_timer_fires() {
    Ticket once = opened().escalateAtThreshold(1, 75, later(360));
    Ticket twice = once.escalateAtThreshold(1, 75, later(361));

    assertThat(once.escalationLevel()).isEqualTo(1);
    assertThat(twice).isSameAs(once);
    assertThat(once.timeline().get(1).isPublic()).isFalse();
    assertThat(once.escalateAtThreshold(2, 100, later(480)).escalationLevel()).isEqualTo(2);
  }

  @Test
  void satisfaction_is_recorded_once_per_resolution() {
    Ticket resolved = opened().resolve(resolution(later(5)));

    Ticket rated = resolved.rate(4, "quick", "cust-1", later(6));
    assertThat(rated.ratedRound()).isEqualTo(1);
    assertThatThrownBy(() -> rated.rate(5, null, "cust-1", later(7)))
        .isInstanceOf(TicketConflictException.class);
    assertThatThrownBy(() -> opened().rate(3, null, "cust-1", later(7)))
        .isInstanceOf(TicketConflictException.class)
        .hasMessageContaining("not resolved");
    assertThatThrownBy(() -> resolved.rate(6, null, "cust-1", later(7)))
        .isInstanceOf(InvalidTicketException.class);
  }

  @Test
  void a_merged_duplicate_closes_and_its_history_moves_to_the_survivor_once() {
    Ticket survivor = opened("000001", "cust-1", TicketType.FAULT);
    Ticket duplicate =
        opened("000002", "cust-1", TicketType.FAULT).note("same outage", "agent-7", later(2));

    Ticket absorbed = survivor.absorb(duplicate, "agent-7", later(3));
    Ticket merged = duplicate.mergeInto(survivor, "agent-7", later(3));

    assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
    assertThat(merged.closeReason()).isEqualTo(CloseReason.MERGED);
    assertThat(merged.mergedInto()).isEqualTo("000001");
    assertThat(absorbed.timeline())
        .filteredOn(entry -> "CD-20261201-000002".equals(entry.fromTicket()))
        .hasSize(2);
    assertThat(absorbed.absorb(duplicate, "agent-7", later(4))).isSameAs(absorbed);
    assertThatThrownBy(
            () -> survivor.absorb(opened("000003", "cust-2", TicketType.FAULT), "a", later(5)))
        .isInstanceOf(TicketConflictException.class)
        .hasMessageContaining("same customer");
    assertThatThrownBy(() -> survivor.mergeInto(survivor, "a", later(5)))
        .isInstanceOf(TicketConflictException.class);
  }

  @Test
  void only_staff_entries_are_internal() {
    Ticket ticket =
        opened()
            .note("customer sounded upset", "agent-7", later(1))
            .reply("An engineer is on the way", "agent-7", true, later(2))
            .transferOwnership("agent-9", "shift change", "agent-7", later(3));

    assertThat(ticket.timeline())
        .extracting(TimelineEntry::type, TimelineEntry::visibility)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TimelineEntryType.OPENED, Visibility.PUBLIC),
            org.assertj.core.groups.Tuple.tuple(TimelineEntryType.NOTE, Visibility.INTERNAL),
            org.assertj.core.groups.Tuple.tuple(TimelineEntryType.REPLY, Visibility.PUBLIC),
            org.assertj.core.groups.Tuple.tuple(
                TimelineEntryType.TRANSFERRED, Visibility.INTERNAL));
    assertThat(ticket.owner()).isEqualTo("agent-9");
    assertThat(ticket.sla().respondedAt()).isEqualTo(later(2));
  }

  @Test
  void ownership_moves_only_to_someone_else() {
    assertThatThrownBy(() -> opened().transferOwnership("agent-7", "why", "agent-7", later(1)))
        .isInstanceOf(TicketConflictException.class);
  }

  private static Resolution resolution(Instant at) {
    return new Resolution("Replaced the line card", "network-ops", "network-ops", at, false);
  }
}
