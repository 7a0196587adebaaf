package io.crossdesk.ticket.lifecycle.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerTierChanged;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.customer.persistence.CustomerProjection;
import io.crossdesk.ticket.lifecycle.application.CustomerChanges;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer tier projection up to date from customer-service's events, and the targets of
 * the customer's open tickets with it. It sits with the tickets rather than the projection: tickets
 * depend on what is known of customers, never the reverse.
 */
@Component
class CustomerEventsListener {

  private static final String CONSUMER = "ticket-service.customers";

  private final IdempotentConsumer consumer;
  private final EventHandlers handlers;

  CustomerEventsListener(
      IdempotentConsumer consumer, CustomerProjection projection, CustomerChanges openTickets) {
    this.consumer = consumer;
    // Every effect is guarded by the customer's revision: a redelivery changes nothing.
    this.handlers =
        EventHandlers.reading()
            .on(
                CustomerRegistered.class,
                registered ->
                    projection.remember(
                        new KnownCustomer(
                            registered.customerId(),
                            tierOf(registered.tier()),
                            registered.name(),
                            Boolean.TRUE.equals(registered.keyAccount()))))
            .on(
                CustomerTierChanged.class,
                changed ->
                    projection.tierChanged(
                        changed.customerId(), changed.revision(), tierOf(changed.to())))
            .on(
                CustomerUpdated.class,
                (eventId, updated) -> {
                  projection.updated(
                      updated.customerId(),
                      updated.revision(),
                      tierOf(updated.tier()),
                      updated.name(),
                      updated.keyAccount(),
                      updated.region());
                  // The open tickets' targets follow a new tier or key-account flag.
                  openTickets.customerChanged(
                      updated.customerId(), tierOf(updated.tier()), updated.keyAccount(), eventId);
                });
  }

  // Customer events are few (registrations, profile changes): one consumer takes them all, in
  // batches, instead of one idle consumer per partition.
  @KafkaListener(id = CONSUMER, topics = Topics.CUSTOMERS, batch = "true", concurrency = "1")
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }

  private static CustomerTier tierOf(String tier) {
    try {
      return CustomerTier.valueOf(tier);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidEventException("unknown customer tier " + tier, e);
    }
  }
}
