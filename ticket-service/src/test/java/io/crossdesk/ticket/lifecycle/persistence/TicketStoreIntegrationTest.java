package io.crossdesk.ticket.lifecycle.persistence;

import static io.crossdesk.testsupport.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.testsupport.TopicRecorder;
import io.crossdesk.ticket.IntegrationTestSupport;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketFixtures;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntryType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

class TicketStoreIntegrationTest extends IntegrationTestSupport {

  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Autowired TicketStore store;
  @Autowired Events events;

  private static Ticket newTicket(Origin origin) {
    return newTicket(unique("cust"), origin);
  }

  private static Ticket newTicket(String customerId, Origin origin) {
    return TicketFixtures.opened(customerId, origin, NOW);
  }

  @Test
  void a_change_is_stored_whole_and_its_events_are_published() {
    Ticket ticket = newTicket(Origin.person("agent-7"));
    store.insert(ticket, List.of());
    Ticket routed = ticket.routeTo("wo-9", "billing", null, NOW, "ev-9");
    EventMessage event = events.create(ticket.id(), announcement(ticket));

    store.change(ticket.id(), read -> Change.of(routed, event));

    Ticket stored = store.find(ticket.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(TicketStatus.ROUTED);
    assertThat(stored.timeline()).isEqualTo(routed.timeline());
    assertThat(stored.version()).isEqualTo(1);
    try (TopicRecorder tickets = TopicRecorder.of(Topics.TICKETS)) {
      tickets.await(record -> event.eventId().equals(header(record, "ce_id")), ASYNC);
    }
  }

  @Test
  void a_change_decided_on_a_ticket_changed_meanwhile_is_decided_again_on_the_fresh_ticket() {
    Ticket ticket = newTicket(Origin.person("agent-7"));
    store.insert(ticket, List.of());
    List<String> seenWorkOrders = new ArrayList<>();

    Ticket stored =
        store.change(
            ticket.id(),
            read -> {
              seenWorkOrders.add(String.valueOf(read.workOrderId()));
              if (seenWorkOrders.size() == 1) {
                // another writer routes the ticket between this read and this write
                store.change(
                    ticket.id(),
                    other -> Change.of(other.routeTo("wo-1", "billing", null, NOW, "ev-1")));
              }
              return Change.of(read.inform(TimelineEntryType.NOTE, "seen", "agent-7", NOW, "n-1"));
            });

    assertThat(seenWorkOrders).containsExactly("null", "wo-1");
    assertThat(stored.workOrderId()).isEqualTo("wo-1");
    assertThat(stored.version()).isEqualTo(2);
    assertThat(store.find(ticket.id()).orElseThrow().hasRecorded("n-1")).isTrue();
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

  @Test
  void the_intake_request_index_is_created_at_start_up_even_without_auto_index_creation() {
    // The test context switches spring.data.mongodb.auto-index-creation off.
    List<IndexInfo> indexes = mongo.indexOps("tickets").getIndexInfo();

    assertThat(indexes)
        .anySatisfy(
            index -> {
              assertThat(index.getName()).isEqualTo("intake_request");
              assertThat(index.getIndexFields())
                  .extracting(IndexField::getKey)
                  .containsExactly("ticket.origin.sourceSystem", "ticket.origin.externalId");
              assertThat(index.isUnique()).isTrue();
              assertThat(index.isSparse()).isTrue();
            });
    assertThat(indexes)
        .extracting(IndexInfo::getName)
        .contains("number", "by_resolve_by", "at_risk_from", "by_newest");
    // Each list filter's index serves the list's whole sort: newest first, then _id.
    for (String filter :
        List.of(
            "customer",
            "status",
            "owner",
            "department",
            "channel",
            "category",
            "type",
            "priority",
            "source_system")) {
      assertThat(indexes)
          .filteredOn(index -> index.getName().equals(filter + "_by_newest"))
          .singleElement()
          .satisfies(
              index ->
                  assertThat(index.getIndexFields())
                      .extracting(IndexField::getKey, IndexField::getDirection)
                      .endsWith(
                          tuple("ticket.openedAt", Sort.Direction.DESC),
                          tuple("_id", Sort.Direction.DESC)));
    }
  }

  @Test
  void the_list_indexes_of_earlier_versions_are_dropped_at_start_up() throws Exception {
    IndexOperations indexes = mongo.indexOps("tickets");
    indexes.createIndex(
        new Index()
            .on("ticket.status", Sort.Direction.ASC)
            .on("ticket.openedAt", Sort.Direction.DESC)
            .named("status_newest_first"));

    store.afterPropertiesSet();

    assertThat(indexes.getIndexInfo())
        .extracting(IndexInfo::getName)
        .doesNotContain("status_newest_first")
        .contains("status_by_newest");
  }

  @Test
  void every_change_finds_its_ticket_through_an_index_of_exactly_its_filter() {
    // The aggregate store writes with {_id, version}: the embedded server uses an index only when
    // it has
    // exactly the query's fields.
    assertThat(mongo.indexOps("tickets").getIndexInfo())
        .anySatisfy(
            index -> {
              assertThat(index.getIndexFields())
                  .extracting(IndexField::getKey)
                  .containsExactly("_id", "version");
              assertThat(index.isUnique()).isTrue();
            });
  }

  @Test
  void department_queues_list_only_their_department() {
    String customerId = unique("cust");
    Ticket forBilling = newTicket(customerId, Origin.person("agent-7"));
    Ticket forFieldService = newTicket(customerId, Origin.person("agent-7"));
    store.insert(forBilling, List.of());
    store.insert(forFieldService, List.of());
    store.change(forBilling.id(), t -> Change.of(t.routeTo("wo-1", "billing", null, NOW, "ev-1")));
    store.change(
        forFieldService.id(),
        t -> Change.of(t.routeTo("wo-2", "field-service", null, NOW, "ev-2")));

    TicketFilter billing = TicketFilter.any().forCustomer(customerId).forDepartment("billing");
    assertThat(store.search(billing, TicketOrder.NEWEST, 0, 10).tickets())
        .extracting(Ticket::id)
        .containsExactly(forBilling.id());
  }

  private static TicketOpened announcement(Ticket ticket) {
    return new TicketOpened(
        ticket.id(),
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
        ticket.openedAt().plusSeconds(3600),
        null,
        null,
        null,
        null,
        null);
  }
}
