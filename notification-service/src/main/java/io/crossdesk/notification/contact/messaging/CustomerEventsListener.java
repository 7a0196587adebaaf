package io.crossdesk.notification.contact.messaging;

import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.domain.QuietHours;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.platform.consumer.EventHandlers;
import io.crossdesk.platform.consumer.GatheringListener;
import io.crossdesk.platform.consumer.IdempotentConsumer;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** Keeps the contact projection from the customer events. */
@Component
class CustomerEventsListener {

  static final String CONSUMER = "notification-service.customers";

  private final IdempotentConsumer consumer;
  private final ContactDirectory contacts;
  // A contact is saved by customer id, a profile change only over an older revision: a redelivery
  // changes nothing.
  private final EventHandlers handlers =
      EventHandlers.reading()
          .on(CustomerRegistered.class, this::register)
          .on(CustomerUpdated.class, this::update);

  CustomerEventsListener(IdempotentConsumer consumer, ContactDirectory contacts) {
    this.consumer = consumer;
    this.contacts = contacts;
  }

  @GatheringListener(id = CONSUMER, topics = Topics.CUSTOMERS)
  void on(List<ConsumerRecord<String, String>> records) {
    consumer.handle(CONSUMER, records, handlers);
  }

  private void register(CustomerRegistered registered) {
    contacts.register(
        new Contact(
            registered.customerId(),
            registered.name(),
            registered.email(),
            registered.phone(),
            registered.locale(),
            registered.preferredChannel(),
            !Boolean.FALSE.equals(registered.notificationConsent()),
            QuietHours.parse(
                    registered.quietHoursFrom(),
                    registered.quietHoursTo(),
                    registered.quietHoursZone())
                .orElse(null),
            registered.accountManager()),
        registered.registeredAt());
  }

  private void update(CustomerUpdated updated) {
    contacts.changeProfile(
        new ContactDirectory.ProfileChange(
            updated.customerId(),
            updated.revision(),
            updated.name(),
            updated.locale(),
            updated.preferredChannel(),
            updated.notificationConsent(),
            updated.quietHoursFrom(),
            updated.quietHoursTo(),
            updated.quietHoursZone(),
            updated.accountManager()));
  }
}
