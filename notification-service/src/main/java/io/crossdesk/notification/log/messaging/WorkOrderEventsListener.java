package io.crossdesk.notification.log.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepAssigned;
import io.crossdesk.notification.log.application.WorkOrderMessages;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** The work-order events that cause messages; the others on the topic are passed over. */
@Component
class WorkOrderEventsListener {

  static final String CONSUMER = "notification-service.workorders";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  WorkOrderEventsListener(IdempotentConsumer consumer, WorkOrderMessages messages) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading()
            .onBatch(WorkOrderRouted.class, messages::routed)
            .onBatch(WorkOrderStepAssigned.class, messages::assigned)
            .onBatch(WorkOrderEscalated.class, messages::escalated);
  }

  @GatheringListener(id = CONSUMER, topics = Topics.WORKORDERS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
