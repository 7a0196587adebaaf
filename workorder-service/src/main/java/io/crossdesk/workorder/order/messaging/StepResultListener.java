package io.crossdesk.workorder.order.messaging;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.workorder.StepResult;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.workorder.order.application.StepResults;
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
  private final Events events;
  private final StepResults results;

  StepResultListener(IdempotentConsumer consumer, Events events, StepResults results) {
    this.consumer = consumer;
    this.events = events;
    this.results = results;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.WORKORDER_RESULTS)
  void onResult(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(CONSUMER, record, this::apply);
  }

  private void apply(EventMessage event) {
    if (!EventTypes.WORKORDER_STEP_RESULT.equals(event.type())) {
      throw new InvalidEventException(
          "crossdesk.workorder-results takes "
              + EventTypes.WORKORDER_STEP_RESULT
              + " only, not "
              + event.type());
    }
    results.apply(event.eventId(), event.source(), events.read(event, StepResult.class));
  }
}
