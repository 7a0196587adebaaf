package io.crossdesk.customer.overview.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.customer.overview.persistence.CustomerActivities;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** Shows analytics' signs of churn in the customer overview. */
@Component
class RiskFlagsListener {

  static final String CONSUMER = "customer-service.risk";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  RiskFlagsListener(IdempotentConsumer consumer, CustomerActivities activities) {
    this.consumer = consumer;
    // The flags are replaced only by a newer raise: a redelivered or overtaken one changes nothing.
    this.handlers =
        EventHandlers.reading()
            .on(
                CustomerAtRisk.class,
                raised ->
                    activities.flagged(
                        raised.customerId(),
                        raised.reasons().stream().map(CustomerAtRisk.Reason::code).toList(),
                        raised.flaggedAt()));
  }

  @GatheringListener(id = CONSUMER, topics = Topics.ANALYTICS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
