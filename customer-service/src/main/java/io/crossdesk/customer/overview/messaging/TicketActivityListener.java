package io.crossdesk.customer.overview.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.customer.overview.domain.TicketState;
import io.crossdesk.customer.overview.persistence.CustomerActivities;
import io.crossdesk.customer.overview.persistence.CustomerTickets;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** Keeps each customer's ticket activity from ticket-service's events. */
@Component
class TicketActivityListener {

  static final String CONSUMER = "customer-service.activity";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  TicketActivityListener(
      IdempotentConsumer consumer, CustomerTickets tickets, CustomerActivities activities) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading()
            .onBatch(
                TicketOpened.class,
                run -> {
                  List<TicketOpened> opened = run.stream().map(Delivered::data).toList();
                  Set<String> first =
                      tickets.openedAll(
                          opened.stream()
                              .map(
                                  e ->
                                      new CustomerTickets.Opening(
                                          e.customerId(),
                                          e.ticketId(),
                                          e.ticketNumber(),
                                          e.ticketType(),
                                          e.title(),
                                          e.openedAt()))
                              .toList());
                  List<CustomerActivities.ComplaintOpened> complaints = new ArrayList<>();
                  for (TicketOpened e : opened) {
                    // first.remove: a ticket opened twice in one run counts once
                    if (first.remove(e.ticketId()) && "COMPLAINT".equals(e.ticketType())) {
                      complaints.add(
                          new CustomerActivities.ComplaintOpened(e.customerId(), e.openedAt()));
                    }
                  }
                  activities.complaintsOpened(complaints);
                })
            .on(
                TicketResolved.class,
                e ->
                    tickets.moved(
                        e.customerId(), e.ticketId(), TicketState.RESOLVED, e.resolvedAt()))
            .on(
                TicketReopened.class,
                e -> tickets.moved(e.customerId(), e.ticketId(), TicketState.OPEN, e.reopenedAt()))
            .on(
                TicketClosed.class,
                e -> tickets.moved(e.customerId(), e.ticketId(), TicketState.CLOSED, e.closedAt()))
            .on(
                SatisfactionRecorded.class,
                e ->
                    activities.scored(
                        e.customerId(),
                        tickets.surveyed(e.customerId(), e.ticketId(), e.round(), e.score()),
                        e.score()));
  }

  @GatheringListener(id = CONSUMER, topics = Topics.TICKETS)
  void on(List<ConsumerRecord<String, String>> records) {
    // Keyed by the ticket's state and the survey's round: a redelivery changes nothing.
    consumer.handle(CONSUMER, records, handlers);
  }
}
