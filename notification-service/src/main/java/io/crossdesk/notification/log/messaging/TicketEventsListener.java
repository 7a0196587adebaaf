package io.crossdesk.notification.log.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.notification.log.application.TicketAcknowledgements;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Ticket events this service has a template for; the others on the topic are ignored. */
@Component
class TicketEventsListener {

  static final String CONSUMER = "notification-service.tickets";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  TicketEventsListener(IdempotentConsumer consumer, TicketAcknowledgements acknowledgements) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading().onBatch(TicketOpened.class, acknowledgements::acknowledgeAll);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.TICKETS, batch = "true")
  void on(List<ConsumerRecord<String, String>> records) {
    // One notification per event id (a unique index): a redelivery changes nothing.
    consumer.handle(CONSUMER, records, handlers);
  }
}
