package io.crossdesk.notification.contact;

import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the contact projection from the customer events. */
@Component
class CustomerEventsListener {

  static final String CONSUMER = "notification-service.customers";

  private final IdempotentConsumer consumer;
  private final Events events;
  private final ContactDirectory contacts;

  CustomerEventsListener(IdempotentConsumer consumer, Events events, ContactDirectory contacts) {
    this.consumer = consumer;
    this.events = events;
    this.contacts = contacts;
  }

  @KafkaListener(id = CONSUMER, topics = Topics.CUSTOMERS)
  void on(ConsumerRecord<String, String> record) {
    consumer.handle(CONSUMER, record, this::handle);
  }

  private void handle(EventMessage event) {
    if (!EventTypes.CUSTOMER_REGISTERED.equals(event.type())) {
      return;
    }
    CustomerRegistered registered = events.read(event, CustomerRegistered.class);
    contacts.register(
        new Contact(
            registered.customerId(), registered.name(), registered.email(), registered.phone()),
        registered.registeredAt());
  }
}
