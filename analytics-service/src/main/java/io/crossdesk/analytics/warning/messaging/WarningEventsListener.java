package io.crossdesk.analytics.warning.messaging;

import io.crossdesk.analytics.warning.persistence.WarningStore;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the lists of raised warnings from the engine's own events on {@code crossdesk.analytics}:
 * the same events supervisors, account managers and other systems receive.
 */
@Component
class WarningEventsListener {

  static final String CONSUMER = "analytics-service.warnings";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  WarningEventsListener(IdempotentConsumer consumer, WarningStore warnings) {
    this.consumer = consumer;
    // Each warning is stored by its id: a redelivery changes nothing.
    this.handlers =
        EventHandlers.reading()
            .on(AnomalyDetected.class, warnings::record)
            .on(CustomerAtRisk.class, warnings::record);
  }

  // Warnings are rare: one consumer takes them all, in batches.
  @KafkaListener(id = CONSUMER, topics = Topics.ANALYTICS, batch = "true", concurrency = "1")
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
