package io.crossdesk.ticket.lifecycle.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.intake.TicketRequested;
import io.crossdesk.platform.consumer.DeferredRetries;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.customer.application.CustomerDirectory;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.lifecycle.application.TicketOpening;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.Enums;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;

/**
 * Opens tickets that other enterprise systems request on the public intake topic. Being a public
 * contract, anything that is not a valid TicketRequested is dead-lettered with the reason, so the
 * sending system's owners can see what was wrong.
 */
@Component
class IntakeListener {

  private static final String CONSUMER = "ticket-service.intake";
  // DeferredRetries.topicOf(CONSUMER), spelled out for the annotation.
  private static final String RETRIES = CONSUMER + ".retry";

  private final IdempotentConsumer consumer;
  private final DeferredRetries retries;
  private final CustomerDirectory customers;
  private final TicketOpening opening;
  // One type on this public topic: anything else is dead-lettered with the reason.
  private final EventHandlers handlers =
      EventHandlers.reading().onEvent(TicketRequested.class, this::open).rejectingOtherTypes();

  IntakeListener(
      IdempotentConsumer consumer,
      DeferredRetries retries,
      CustomerDirectory customers,
      TicketOpening opening) {
    this.consumer = consumer;
    this.retries = retries;
    this.customers = customers;
    this.opening = opening;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.INTAKE, batch = "true")
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }

  /**
   * Requests for a customer this service has not heard of yet wait here, in their own consumer, so
   * the intake partitions go on meanwhile (the customer's registration may be on its way).
   */
  @KafkaListener(id = RETRIES, topics = RETRIES)
  void onRetry(ConsumerRecord<String, String> record) throws InterruptedException {
    retries.awaitDue(record);
    consumer.handle(CONSUMER, record, handlers);
  }

  @Bean
  static NewTopic intakeRetryTopic(
      @Value("${crossdesk.kafka.partitions:3}") int partitions,
      @Value("${crossdesk.kafka.replication-factor:1}") short replicas) {
    return TopicBuilder.name(RETRIES).partitions(partitions).replicas(replicas).build();
  }

  private void open(Delivered<TicketRequested> delivered) {
    EventMessage event = delivered.event();
    TicketRequested request = delivered.data();
    TicketDraft draft = draftOf(event, request);
    // No user token to forward here: an unknown customer is retried until the projection has it.
    KnownCustomer customer = customers.forEvent(request.customerId());
    try {
      opening.openRequested(
          draft, customer, Origin.system(request.sourceSystem(), request.externalId()));
    } catch (InvalidTicketException e) {
      throw new InvalidEventException(
          "event " + event.eventId() + " cannot open a ticket: " + e.getMessage(), e);
    }
  }

  private static TicketDraft draftOf(EventMessage event, TicketRequested request) {
    try {
      return new TicketDraft(
          request.customerId(),
          Enums.parse(Channel.class, "channel", request.channel()),
          request.category(),
          null,
          Enums.parseOptional(Priority.class, "priority", request.priority()),
          request.title(),
          request.description());
    } catch (InvalidTicketException e) {
      throw new InvalidEventException(
          "event " + event.eventId() + " cannot open a ticket: " + e.getMessage(), e);
    }
  }
}
