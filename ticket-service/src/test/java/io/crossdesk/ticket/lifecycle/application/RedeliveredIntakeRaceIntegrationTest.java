package io.crossdesk.ticket.lifecycle.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.ticket.IntegrationTestSupport;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.persistence.Categories;
import io.crossdesk.ticket.lifecycle.persistence.RacingTicketStore;
import io.crossdesk.ticket.lifecycle.persistence.TicketNumbers;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

class RedeliveredIntakeRaceIntegrationTest extends IntegrationTestSupport {

  @Autowired MongoTemplate mongo;
  @Autowired AggregateStores stores;
  @Autowired TicketStore tickets;
  @Autowired SlaPolicies policies;
  @Autowired TicketNumbers numbers;
  @Autowired Categories categories;
  @Autowired TicketEvents events;
  @Autowired TicketDeadlines deadlines;
  @Autowired Clock clock;

  @Test
  void two_deliveries_of_one_request_racing_past_the_look_up_open_one_ticket_and_both_answer_it() {
    TicketOpening racing =
        new TicketOpening(
            new RacingTicketStore(mongo, stores, policies, deadlines, events, clock, 2),
            numbers,
            categories,
            policies,
            events,
            clock);
    String externalId = unique("RACE");
    KnownCustomer customer = new KnownCustomer(unique("cust"), CustomerTier.B, "Race Ltd");
    TicketDraft draft =
        new TicketDraft(
            customer.customerId(),
            Channel.SYSTEM,
            "BILLING",
            null,
            Priority.NORMAL,
            "Charge",
            null);
    Origin origin = Origin.system("crm", externalId);

    CompletableFuture<Ticket> first =
        CompletableFuture.supplyAsync(() -> racing.openRequested(draft, customer, origin));
    CompletableFuture<Ticket> second =
        CompletableFuture.supplyAsync(() -> racing.openRequested(draft, customer, origin));

    assertThat(first.join().id()).isEqualTo(second.join().id());
    TicketFilter sameRequest =
        new TicketFilter(null, "crm", externalId, null, null, null, null, null, null, null, null);
    List<Ticket> stored = tickets.search(sameRequest, TicketOrder.NEWEST, 0, 10).tickets();
    assertThat(stored).singleElement().extracting(Ticket::id).isEqualTo(first.join().id());
  }
}
