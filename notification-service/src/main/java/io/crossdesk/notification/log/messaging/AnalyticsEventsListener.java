package io.crossdesk.notification.log.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.notification.log.application.WarningMessages;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** analytics-service's warnings: complaint spikes and customers at risk. */
@Component
class AnalyticsEventsListener {

  static final String CONSUMER = "notification-service.analytics";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  AnalyticsEventsListener(IdempotentConsumer consumer, WarningMessages messages) {
    this.consumer = consumer;
    // A message's id derives from its event, recipient and channel: a redelivery stores and sends
    // nothing new.
    this.handlers =
        EventHandlers.reading()
            .onBatch(AnomalyDetected.class, messages::anomalies)
            .onBatch(CustomerAtRisk.class, messages::atRisk);
  }

  @GatheringListener(id = CONSUMER, topics = Topics.ANALYTICS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
