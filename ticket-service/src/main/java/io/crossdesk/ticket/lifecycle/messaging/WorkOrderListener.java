package io.crossdesk.ticket.lifecycle.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.ComplaintResolved;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderResolved;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepStarted;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.ticket.lifecycle.application.WorkOrderProgress;
import io.crossdesk.ticket.lifecycle.domain.TicketConflictException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Follows the work orders that serve tickets, so the customer's timeline shows who acts. */
@Component
class WorkOrderListener {

  private static final String CONSUMER = "ticket-service.workorders";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  WorkOrderListener(IdempotentConsumer consumer, WorkOrderProgress routing) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading()
            .on(WorkOrderRouted.class, routing::routed)
            .on(ComplaintResolved.class, routing::complaintResolved)
            .on(WorkOrderResolved.class, routing::workResolved)
            .on(WorkOrderCompleted.class, routing::completed)
            .on(WorkOrderStepStarted.class, routing::stepStarted)
            .on(WorkOrderStepCompleted.class, routing::stepCompleted)
            // Retrying cannot make an illegal move legal; the dead letter keeps it for inspection.
            .refusing(TicketConflictException.class);
  }

  @KafkaListener(id = CONSUMER, topics = Topics.WORKORDERS, batch = "true")
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
