package io.crossdesk.customer.profile.application;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.TierPolicy;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.platform.aggregate.Change;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-tiers existing customers under the current policy: a background pass over the customers in
 * pages of {@value #PAGE} by {@code _id}, after every policy change and once at start-up (which
 * finishes a pass an instance died in). Overrides are left alone; a customer whose tier changes
 * gets CustomerTierChanged and CustomerUpdated like any edit. A pass runs at a time; a change
 * during a pass asks for another one after it. The same pass claims the phones and e-mails of
 * customers stored before claims existed, and logs those two customers share.
 */
@Component
public class TierSweep {

  static final int PAGE = 200;
  private static final Logger log = LoggerFactory.getLogger(TierSweep.class);

  private final CustomerStore customers;
  private final CustomerEvents events;
  private final ObjectProvider<TierPolicies> policies;
  private final Clock clock;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(task -> new Thread(task, "tier-sweep"));
  private final AtomicBoolean requested = new AtomicBoolean();

  TierSweep(
      CustomerStore customers,
      CustomerEvents events,
      ObjectProvider<TierPolicies> policies,
      Clock clock) {
    this.customers = customers;
    this.events = events;
    this.policies = policies;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    requestPass();
  }

  public void requestPass() {
    if (requested.compareAndSet(false, true)) {
      runner.execute(
          () -> {
            requested.set(false);
            try {
              pass();
            } catch (RuntimeException e) {
              log.warn("Tier sweep stopped; it runs again on the next policy change or start", e);
            }
          });
    }
  }

  /** One pass over every customer; returns how many changed tier. */
  int pass() {
    TierPolicy policy = policies.getObject().current();
    int changed = 0;
    String after = "";
    while (true) {
      List<String> page = customers.idsAfter(after, PAGE);
      for (String id : page) {
        if (retier(id, policy)) {
          changed++;
        }
      }
      if (page.size() < PAGE) {
        return changed;
      }
      after = page.get(page.size() - 1);
    }
  }

  private boolean retier(String id, TierPolicy policy) {
    Optional<Customer> customer = customers.find(id);
    if (customer.isEmpty()) {
      return false;
    }
    List<String> shared = customers.ensureClaims(customer.get());
    if (!shared.isEmpty()) {
      log.warn("Customer {} shares {} with another customer", id, shared);
    }
    AtomicBoolean retiered = new AtomicBoolean();
    customers.change(
        id,
        current -> {
          Optional<Customer.Change> change =
              current.retier(policy, clock.instant().truncatedTo(ChronoUnit.MILLIS));
          retiered.set(change.isPresent());
          return change
              .map(changed -> Change.of(changed.after(), events.changed(changed)))
              .orElseGet(() -> Change.none(current));
        });
    return retiered.get();
  }
}
