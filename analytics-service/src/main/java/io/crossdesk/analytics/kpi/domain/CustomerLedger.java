package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.customer.CustomerRegistered;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts registered customers, by their tier at registration: the base complaints are rated on. */
public final class CustomerLedger implements Ledger<CustomerState> {

  @Override
  public CustomerState unknown() {
    return CustomerState.unknown();
  }

  @Override
  public Folded<CustomerState> fold(CustomerState before, String eventId, Object event) {
    if (before.counted().contains(eventId) || !(event instanceof CustomerRegistered registered)) {
      return new Folded<>(before, List.of());
    }
    // A customer is registered once: a second registration event (another id) adds nothing.
    boolean first = before.counted().isEmpty();
    CustomerState after = new CustomerState(CountedEvents.with(before.counted(), eventId));
    if (!first || registered.registeredAt() == null) {
      return new Folded<>(after, List.of());
    }
    Map<Dimension, String> groups = new EnumMap<>(Dimension.class);
    if (registered.tier() != null) {
      groups.put(Dimension.TIER, registered.tier());
    }
    return new Folded<>(
        after,
        List.of(
            Contribution.at(registered.registeredAt(), groups)
                .count(Counters.CUSTOMERS_REGISTERED)
                .build()));
  }
}
