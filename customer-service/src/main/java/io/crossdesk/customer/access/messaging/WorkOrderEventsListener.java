package io.crossdesk.customer.access.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.WorkOrderClosed;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.customer.access.persistence.DepartmentSteps;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows which department holds a step for which customer. A work order's events share its key, so
 * its routing comes before its end (completed, or closed without its work done); the department is
 * the one it was routed to, which the completion names too (the last resolving department).
 */
@Component
class WorkOrderEventsListener {

  static final String CONSUMER = "customer-service.workorders";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  WorkOrderEventsListener(IdempotentConsumer consumer, DepartmentSteps steps) {
    this.consumer = consumer;
    this.handlers =
        EventHandlers.reading()
            .on(WorkOrderRouted.class, steps::routed)
            .on(
                WorkOrderCompleted.class,
                done -> steps.ended(done.workOrderId(), done.customerId()))
            .on(
                WorkOrderClosed.class,
                closed -> steps.ended(closed.workOrderId(), closed.customerId()));
  }

  // Every event of the topic, two commands for a routing: one consumer per instance keeps up with
  // far more than the chain routes, and each consumer more costs a fetch and a heartbeat every few
  // seconds, idle or not. A group started afresh reads the whole topic through it.
  @KafkaListener(id = CONSUMER, topics = Topics.WORKORDERS, batch = "true", concurrency = "1")
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
