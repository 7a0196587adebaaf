package io.crossdesk.ticket.customer;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the customer tier projection up to date from customer-service's events. */
@Component
class CustomerEventsListener {

  private static final String CONSUMER = "ticket-service.customers";

  private final IdempotentConsumer consumer;
  private final CustomerProjection projection;

  CustomerEventsListener(IdempotentConsumer consumer, CustomerProjection projection) {
    this.consumer = consumer;
    this.projection = projection;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.CUSTOMERS)
  void on(ConsumerRecord<String, String> record) {
    consumer.handleKeyed(
        CONSUMER,
        record,
        CustomerRegistered.class,
        registered ->
            projection.remember(
                new KnownCustomer(registered.customerId(), tierOf(registered), registered.name())));
  }

  private static CustomerTier tierOf(CustomerRegistered registered) {
    try {
      return CustomerTier.valueOf(registered.tier());
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("unknown customer tier " + registered.tier(), e);
    }
  }
}
