package io.crossdesk.customer.profile.application;

import io.crossdesk.contracts.customer.CustomerRegistered;
import io.crossdesk.contracts.customer.CustomerTierChanged;
import io.crossdesk.contracts.customer.CustomerUpdated;
import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The events a customer's registration and changes announce. */
@Component
public class CustomerEvents {

  private final Events events;

  CustomerEvents(Events events) {
    this.events = events;
  }

  public EventMessage registered(Customer customer) {
    Profile profile = customer.profile();
    return events.create(
        customer.id().value(),
        new CustomerRegistered(
            customer.id().value(),
            profile.name(),
            profile.type().name(),
            customer.tier().tier().name(),
            profile.phone().value(),
            profile.email().value(),
            customer.registeredAt(),
            profile.keyAccount(),
            profile.locale(),
            profile.preferredChannel() == null ? null : profile.preferredChannel().name(),
            profile.notificationConsent(),
            profile.quietHours() == null ? null : profile.quietHours().from().toString(),
            profile.quietHours() == null ? null : profile.quietHours().to().toString(),
            profile.quietHours() == null ? null : profile.quietHours().zone().getId(),
            profile.accountManager()));
  }

  /** CustomerUpdated for every change, and CustomerTierChanged first when the tier changed. */
  public List<EventMessage> changed(Customer.Change change) {
    Customer after = change.after();
    String id = after.id().value();
    List<EventMessage> announced = new ArrayList<>();
    if (change.tierChanged()) {
      announced.add(
          events.create(
              id,
              new CustomerTierChanged(
                  id,
                  after.revision(),
                  change.before().tier().tier().name(),
                  after.tier().tier().name(),
                  after.tier().reason(),
                  after.tier().basis().name(),
                  after.tier().policyVersion(),
                  after.updatedBy(),
                  after.updatedAt())));
    }
    Profile profile = after.profile();
    announced.add(
        events.create(
            id,
            new CustomerUpdated(
                id,
                after.revision(),
                change.changedFields(),
                profile.name(),
                profile.type().name(),
                after.tier().tier().name(),
                profile.keyAccount(),
                profile.region(),
                profile.status().name(),
                profile.preferredChannel() == null ? null : profile.preferredChannel().name(),
                profile.locale(),
                profile.notificationConsent(),
                profile.quietHours() == null ? null : profile.quietHours().from().toString(),
                profile.quietHours() == null ? null : profile.quietHours().to().toString(),
                profile.quietHours() == null ? null : profile.quietHours().zone().getId(),
                after.updatedBy(),
                after.updatedAt(),
                profile.accountManager())));
    return announced;
  }
}
