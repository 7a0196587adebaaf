package io.crossdesk.workorder.order.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.workorder.order.application.DeskDecisions;
import io.crossdesk.workorder.order.application.WorkOrderOpening;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the desk's tickets: opened and reopened tickets get a work order for their round, and a
 * resolution, closing or reopening withdraws the work the desk no longer needs. Every effect is
 * keyed (a unique ticket and round, a guarded transition that records the event id), so
 * redeliveries change nothing. A reopening supersedes the previous round before opening the next,
 * so a redelivery after a crash in between finishes both.
 */
@Component
class TicketEventsListener {

  static final String CONSUMER = "workorder-service.tickets";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  TicketEventsListener(
      IdempotentConsumer consumer, WorkOrderOpening opening, DeskDecisions decisions) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading()
            .on(TicketOpened.class, opening::opened)
            .on(
                TicketReopened.class,
                (eventId, reopened) -> {
                  decisions.reopened(eventId, reopened);
                  opening.reopened(reopened);
                })
            .on(TicketResolved.class, decisions::resolved)
            .on(TicketClosed.class, decisions::closed);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.TICKETS, batch = "true")
  void onTicketEvents(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
