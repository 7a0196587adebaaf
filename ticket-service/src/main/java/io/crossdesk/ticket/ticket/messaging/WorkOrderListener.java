package io.crossdesk.ticket.ticket.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.ticket.ticket.TicketRouting;
import io.crossdesk.ticket.ticket.domain.IllegalTransitionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows the work orders that serve tickets, so the customer's timeline shows who acts. */
@Component
class WorkOrderListener {

  private static final String CONSUMER = "ticket-service.workorders";

  private final IdempotentConsumer consumer;
  private final TicketRouting routing;

  WorkOrderListener(IdempotentConsumer consumer, TicketRouting routing) {
    this.consumer = consumer;
    this.routing = routing;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.WORKORDERS)
  void on(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(
        CONSUMER,
        record,
        WorkOrderRouted.class,
        routed -> {
          try {
            routing.routed(routed.ticketId(), routed.workOrderId(), routed.department());
          } catch (IllegalTransitionException e) {
            // Retrying cannot make an illegal move legal; the dead letter keeps it for inspection.
            throw new InvalidEventException(e.getMessage(), e);
          }
        });
  }
}
