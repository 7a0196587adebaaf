package io.crossdesk.notification.log.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.SatisfactionRecorded;
import io.crossdesk.contracts.ticket.TicketClosed;
import io.crossdesk.contracts.ticket.TicketEscalated;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReopened;
import io.crossdesk.contracts.ticket.TicketResolved;
import io.crossdesk.contracts.ticket.TicketWaitingForCustomer;
import io.crossdesk.notification.log.application.Surveys;
import io.crossdesk.notification.log.application.TicketMessages;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** The ticket events that cause messages; the others on the topic are passed over. */
@Component
class TicketEventsListener {

  static final String CONSUMER = "notification-service.tickets";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  TicketEventsListener(IdempotentConsumer consumer, TicketMessages messages, Surveys surveys) {
    this.consumer = consumer;
    // A message's id derives from its event, recipient and channel: a redelivery stores and sends
    // nothing new.
    this.handlers =
        EventHandlers.reading()
            .onBatch(TicketOpened.class, messages::opened)
            .onBatch(
                TicketResolved.class,
                run -> {
                  messages.resolved(run);
                  surveys.resolved(run);
                })
            .onBatch(
                TicketReopened.class,
                run -> {
                  messages.reopened(run);
                  surveys.reopened(run);
                })
            .onBatch(TicketWaitingForCustomer.class, messages::waitingForCustomer)
            .onBatch(TicketClosed.class, messages::closed)
            .onBatch(TicketEscalated.class, messages::escalated)
            .onBatch(SatisfactionRecorded.class, surveys::rated);
  }

  @GatheringListener(id = CONSUMER, topics = Topics.TICKETS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
