package io.crossdesk.customer.history.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.customer.history.persistence.ContactHistory;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Records the contacts other services' events report. Each contact is keyed by its event's id, so a
 * redelivery records it once; events that are no contact are passed over. Only the topics that
 * carry a contact source in {@link ContactSources} are followed: a topic is added with its first
 * source, not before, for every record of a followed topic costs a fetch and a parse.
 */
@Component
class ContactEventsListener {

  static final String CONSUMER = "customer-service.contacts";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  ContactEventsListener(
      IdempotentConsumer consumer, ContactSources sources, ContactHistory history) {
    this.consumer = consumer;
    // Each run of contacts in a batch is one bulk insert.
    this.handlers = sources.handlers(history::recordAll);
  }

  @GatheringListener(
      id = CONSUMER,
      topics = {Topics.TICKETS, Topics.NOTIFICATIONS})
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
