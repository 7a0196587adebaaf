package io.crossdesk.analytics.kpi;

import io.crossdesk.contracts.Topics;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every business event, of every type, from the topics of the services that own them. */
@Component
class BusinessEventsListener {

  static final String CUSTOMERS = "analytics-service.customers";
  static final String TICKETS = "analytics-service.tickets";
  static final String WORKORDERS = "analytics-service.workorders";

  private final IdempotentConsumer consumer;
  private final KpiProjection projection;

  BusinessEventsListener(IdempotentConsumer consumer, KpiProjection projection) {
    this.consumer = consumer;
    this.projection = projection;
  }

  @KafkaListener(id = CUSTOMERS, topics = Topics.CUSTOMERS)
  void onCustomerEvent(ConsumerRecord<String, String> record) {
    consumer.handle(CUSTOMERS, record, projection::project);
  }

  @KafkaListener(id = TICKETS, topics = Topics.TICKETS)
  void onTicketEvent(ConsumerRecord<String, String> record) {
    consumer.handle(TICKETS, record, projection::project);
  }

  @KafkaListener(id = WORKORDERS, topics = Topics.WORKORDERS)
  void onWorkOrderEvent(ConsumerRecord<String, String> record) {
    consumer.handle(WORKORDERS, record, projection::project);
  }
}
