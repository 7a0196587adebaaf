package io.crossdesk.ticket.ticket.messaging;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.ComplaintResolved;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.ticket.ticket.TicketRouting;
import io.crossdesk.ticket.ticket.domain.TicketConflictException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows the work orders that serve tickets, so the customer's timeline shows who acts. */
@Component
class WorkOrderListener {

  private static final String CONSUMER = "ticket-service.workorders";

  private final IdempotentConsumer consumer;
  private final Events events;
  private final TicketRouting routing;

  WorkOrderListener(IdempotentConsumer consumer, Events events, TicketRouting routing) {
    this.consumer = consumer;
    this.events = events;
    this.routing = routing;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.WORKORDERS)
  void on(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(CONSUMER, record, this::apply);
  }

  private void apply(EventMessage event) {
    try {
      switch (event.type()) {
        case EventTypes.WORKORDER_ROUTED ->
            routing.routed(event.eventId(), events.read(event, WorkOrderRouted.class));
        case EventTypes.COMPLAINT_RESOLVED ->
            routing.complaintResolved(event.eventId(), events.read(event, ComplaintResolved.class));
        case EventTypes.WORKORDER_COMPLETED ->
            routing.completed(event.eventId(), events.read(event, WorkOrderCompleted.class));
        default -> {
          // Other work-order events do not change the ticket.
        }
      }
    } catch (TicketConflictException e) {
      // Retrying cannot make an illegal move legal; the dead letter keeps it for inspection.
      throw new InvalidEventException(e.getMessage(), e);
    }
  }
}
