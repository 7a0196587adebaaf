package io.crossdesk.workorder.order.messaging;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.workorder.order.WorkOrderOpening;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opened and reopened tickets get a work order for their round; other ticket events are not this
 * consumer's business. The effect is keyed by ticket and round (a unique index), so redeliveries
 * change nothing.
 */
@Component
class TicketEventsListener {

  static final String CONSUMER = "workorder-service.tickets";

  private final IdempotentConsumer consumer;
  private final Events events;
  private final WorkOrderOpening opening;

  TicketEventsListener(IdempotentConsumer consumer, Events events, WorkOrderOpening opening) {
    this.consumer = consumer;
    this.events = events;
    this.opening = opening;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.TICKETS)
  void onTicketEvent(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(CONSUMER, record, this::apply);
  }

  private void apply(EventMessage event) {
    switch (event.type()) {
      case EventTypes.TICKET_OPENED -> opening.opened(events.read(event, TicketOpened.class));
      case EventTypes.TICKET_REOPENED -> opening.reopened(events.read(event, TicketReopened.class));
      default -> {
        // Other ticket events do not open work.
      }
    }
  }
}
