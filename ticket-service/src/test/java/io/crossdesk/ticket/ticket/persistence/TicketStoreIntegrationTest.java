package io.crossdesk.ticket.ticket.persistence;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.ticket.domain.Channel;
import io.crossdesk.ticket.ticket.domain.Origin;
import io.crossdesk.ticket.ticket.domain.Priority;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TicketDraft;
import io.crossdesk.ticket.ticket.domain.TicketStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

class TicketStoreIntegrationTest extends IntegrationTestSupport {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Autowired TicketStore store;
  @Autowired Events events;

  private static Ticket newTicket(Origin origin) {
    TicketDraft draft =
        new TicketDraft(unique("cust"), Channel.BRANCH, "BILLING", Priority.LOW, "Bill", null);
    return Ticket.open(UUID.randomUUID(), draft, CustomerTier.B, origin, NOW, NOW.plusSeconds(60));
  }

  @Test
  void a_change_is_stored_whole_and_its_events_are_published() {
    Ticket ticket = newTicket(Origin.person("agent-7"));
    store.insert(ticket, List.of());
    Ticket routed = ticket.routeTo("wo-9", "BILLING", NOW, "/crossdesk/workorder-service");
    EventMessage event = events.create(ticket.id().toString(), announcement(ticket));

    store.update(routed, List.of(event));

    Ticket stored = store.find(ticket.id().toString()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TicketStatus.ROUTED);
    assertThat(stored.timeline()).isEqualTo(routed.timeline());
    assertThat(stored.version()).isEqualTo(1);
    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      tickets.await(record -> event.eventId().equals(header(record, "ce_id")), ASYNC);
    }
  }

  @Test
  void a_change_based_on_an_outdated_read_is_refused() {
    Ticket ticket = newTicket(Origin.person("agent-7"));
    store.insert(ticket, List.of());
    store.update(ticket.routeTo("wo-1", "BILLING", NOW, "a"), List.of());

    assertThatThrownBy(() -> store.update(ticket.routeTo("wo-2", "NETWORK", NOW, "b"), List.of()))
        .isInstanceOf(OptimisticLockingFailureException.class);
    assertThat(store.find(ticket.id().toString()).orElseThrow().workOrderId()).isEqualTo("wo-1");
  }

  @Test
  void one_intake_request_opens_one_ticket_while_tickets_opened_by_people_are_unconstrained() {
    Origin request = Origin.system("crm", unique("CRM"));
    store.insert(newTicket(request), List.of());
    store.insert(newTicket(Origin.person("agent-7")), List.of());
    store.insert(newTicket(Origin.person("agent-7")), List.of());

    assertThatThrownBy(() -> store.insert(newTicket(request), List.of()))
        .isInstanceOf(DuplicateKeyException.class);
  }

  private static TicketOpened announcement(Ticket ticket) {
    return new TicketOpened(
        ticket.id().toString(),
        ticket.customerId(),
        ticket.customerTier().name(),
        ticket.channel().name(),
        ticket.category(),
        ticket.priority().name(),
        ticket.title(),
        null,
        "agent-7",
        null,
        null,
        ticket.openedAt(),
        ticket.resolveBy());
  }
}
