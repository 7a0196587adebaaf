package io.crossdesk.notification.webhook.messaging;

import io.crossdesk.contracts.EventContract;
import io.crossdesk.contracts.Topics;
import io.crossdesk.notification.webhook.application.SubscribableEvents;
import io.crossdesk.notification.webhook.application.WebhookFanOut;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Every business event, for webhook subscribers: each subscribable type is declared, in runs, so a
 * batch becomes one bulk insert of deliveries. A delivery's id is made of its subscription and
 * event, so a redelivered event adds nothing.
 */
@Component
class WebhookEventsListener {

  static final String CONSUMER = "notification-service.webhooks";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  WebhookEventsListener(IdempotentConsumer consumer, WebhookFanOut fanOut) {
    this.consumer = consumer;
    EventHandlers declared = EventHandlers.reading();
    for (EventContract contract : SubscribableEvents.contracts()) {
      declared = declared.onBatch(contract.dataType(), fanOut::deliverAll);
    }
    // Types no enabled subscription wants are passed over unread.
    this.handlers = declared.wanting(fanOut::anyWants);
  }

  @GatheringListener(
      id = CONSUMER,
      topics = {Topics.CUSTOMERS, Topics.TICKETS, Topics.WORKORDERS})
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
