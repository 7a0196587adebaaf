package io.crossdesk.workorder.workorder.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.workorder.workorder.TicketRouting;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every opened ticket gets a work order; other ticket events are not this consumer's business. */
@Component
class TicketOpenedListener {

  static final String CONSUMER = "workorder-service.tickets";

  private final IdempotentConsumer consumer;
  private final TicketRouting routing;

  TicketOpenedListener(IdempotentConsumer consumer, TicketRouting routing) {
    this.consumer = consumer;
    this.routing = routing;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.TICKETS)
  void onTicketEvent(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(CONSUMER, record, TicketOpened.class, routing::route);
  }
}
