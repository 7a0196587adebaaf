package io.crossdesk.analytics.kpi.messaging;

import io.crossdesk.analytics.kpi.application.KpiProjection;
import io.crossdesk.contracts.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every business event, of every type, from the topics of the services that own them, a batch of
 * records at a time: the totals take one write per partition and batch, not one per event.
 */
@Component
class BusinessEventsListener {

  static final String CUSTOMERS = "analytics-service.customers";
  static final String TICKETS = "analytics-service.tickets";
  static final String WORKORDERS = "analytics-service.workorders";

  private final KpiProjection projection;

  BusinessEventsListener(KpiProjection projection) {
    this.projection = projection;
  }

  // Customer events are few (registrations, profile changes): one consumer takes them all, in
  // batches, instead of one idle consumer per partition.
  @KafkaListener(id = CUSTOMERS, topics = Topics.CUSTOMERS, batch = "true", concurrency = "1")
  void onCustomerEvents(List<ConsumerRecord<String, String>> records) {
    projection.project(CUSTOMERS, records);
  }

  @KafkaListener(id = TICKETS, topics = Topics.TICKETS, batch = "true")
  void onTicketEvents(List<ConsumerRecord<String, String>> records) {
    projection.project(TICKETS, records);
  }

  @KafkaListener(id = WORKORDERS, topics = Topics.WORKORDERS, batch = "true")
  void onWorkOrderEvents(List<ConsumerRecord<String, String>> records) {
    projection.project(WORKORDERS, records);
  }
}
