package io.crossdesk.ticket.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {

  private static final Instant OPENED = Instant.parse("2025-03-03T09:15:00Z");
  private static final Instant DEADLINE = OPENED.plusSeconds(4 * 3600);

  private static TicketDraft draft() {
    return new TicketDraft(
        "cust-1", Channel.HOTLINE, "NETWORK", Priority.URGENT, "No signal", "Since this morning");
  }

  private static Ticket opened(Origin origin) {
    return Ticket.open(UUID.randomUUID(), draft(), CustomerTier.A, origin, OPENED, DEADLINE);
  }

  @Test
  void opens_a_ticket_with_a_customer_visible_opening_entry() {
    Ticket ticket = opened(Origin.person("agent-7"));

    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.customerTier()).isEqualTo(CustomerTier.A);
    assertThat(ticket.resolveBy()).isEqualTo(DEADLINE);
    assertThat(ticket.timeline())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo(TimelineEntryType.OPENED);
              assertThat(entry.at()).isEqualTo(OPENED);
              assertThat(entry.actor()).isEqualTo("agent-7");
              assertThat(entry.text()).contains("No signal");
            });
  }

  @Test
  void a_ticket_requested_by_another_system_is_opened_by_that_system() {
    Ticket ticket = opened(Origin.system("billing-portal", "BP-1001"));

    assertThat(ticket.origin().openedBy()).isEqualTo("billing-portal");
    assertThat(ticket.origin().externalId()).isEqualTo("BP-1001");
  }

  @Test
  void priority_defaults_to_normal() {
    TicketDraft draft = new TicketDraft("cust-1", Channel.WEB, "BILLING", null, "Bill", null);

    assertThat(draft.priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void routing_passes_the_ticket_to_the_department_and_tells_the_customer() {
    Instant routedAt = OPENED.plusSeconds(60);

    Ticket routed = opened(Origin.person("agent-7")).routeTo("wo-1", "network-ops", routedAt);

    assertThat(routed.status()).isEqualTo(TicketStatus.ROUTED);
    assertThat(routed.department()).isEqualTo("network-ops");
    assertThat(routed.workOrderId()).isEqualTo("wo-1");
    assertThat(routed.isRoutedTo("wo-1")).isTrue();
    assertThat(routed.timeline()).hasSize(2);
    TimelineEntry entry = routed.timeline().get(1);
    assertThat(entry.type()).isEqualTo(TimelineEntryType.ROUTED);
    assertThat(entry.text()).isEqualTo("Your request was passed to network-ops");
    assertThat(entry.at()).isEqualTo(routedAt);
    assertThat(entry.actor()).isEqualTo("network-ops");
  }

  @Test
  void a_ticket_is_with_the_department_it_was_routed_to_and_an_open_one_with_none() {
    Ticket open = opened(Origin.person("agent-7"));
    Ticket routed = open.routeTo("wo-1", "billing", OPENED);

    assertThat(routed.isWith("billing")).isTrue();
    assertThat(routed.isWith("network-ops")).isFalse();
    assertThat(open.isWith("billing")).isFalse();
    assertThat(open.isWith(null)).isFalse();
  }

  @Test
  void an_open_ticket_is_routed_to_no_work_order_yet() {
    assertThat(opened(Origin.person("agent-7")).isRoutedTo("wo-1")).isFalse();
  }

  @Test
  void a_routed_ticket_cannot_be_routed_again() {
    Ticket routed = opened(Origin.person("agent-7")).routeTo("wo-1", "billing", OPENED);

    assertThatThrownBy(() -> routed.routeTo("wo-2", "billing", OPENED))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("ROUTED to ROUTED");
  }

  @Test
  void only_open_leads_to_routed() {
    assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.ROUTED)).isTrue();
    assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.OPEN)).isFalse();
    assertThat(TicketStatus.ROUTED.canMoveTo(TicketStatus.OPEN)).isFalse();
  }
}
