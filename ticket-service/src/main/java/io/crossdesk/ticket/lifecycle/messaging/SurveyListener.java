package io.crossdesk.ticket.lifecycle.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.notification.SurveyAnswered;
import io.crossdesk.platform.aggregate.AggregateNotFoundException;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.ticket.lifecycle.application.TicketCommands;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** Customers' answers to satisfaction surveys, recorded on their tickets. */
@Component
class SurveyListener {

  private static final String CONSUMER = "ticket-service.surveys";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  SurveyListener(IdempotentConsumer consumer, TicketCommands commands) {
    this.consumer = consumer;
    // The answer's event id is kept with the change it causes: a redelivery changes nothing. A
    // survey about a ticket that is not stored here is not worth retrying.
    this.handlers =
        EventHandlers.reading()
            .on(SurveyAnswered.class, commands::recordSurveyAnswer)
            .refusing(AggregateNotFoundException.class);
  }

  @GatheringListener(id = CONSUMER, topics = Topics.SURVEYS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }
}
