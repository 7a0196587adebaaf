package io.crossdesk.workorder.order.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.StepResult;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.workorder.order.application.StepResults;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Step outcomes reported by department systems on the public inbound topic. Anything else there
 * (another type, invalid data, a result the step cannot take) is dead-lettered with the reason.
 */
@Component
class StepResultListener {

  static final String CONSUMER = "workorder-service.step-results";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  StepResultListener(IdempotentConsumer consumer, StepResults results) {
    this.consumer = consumer;
    // Applied once per event id, kept in the work order: a redelivery changes nothing.
    this.handlers =
        EventHandlers.reading()
            .onEvent(
                StepResult.class,
                result -> results.apply(result.eventId(), result.event().source(), result.data()))
            .rejectingOtherTypes();
  }

  // Department systems report a step now and then: one consumer per instance takes them all.
  @KafkaListener(
      id = CONSUMER,
      topics = Topics.WORKORDER_RESULTS,
      batch = "true",
      concurrency = "1")
  void onResults(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
