package io.crossdesk.customer.profile.application;

import io.crossdesk.customer.profile.domain.Customer;
import io.crossdesk.customer.profile.domain.Profile;
import io.crossdesk.customer.profile.domain.StaleRevisionException;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.platform.aggregate.Change;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Edits a customer's profile under optimistic concurrency: the edit names the revision it was made
 * on, and a customer changed since is not overwritten. Every change publishes CustomerUpdated, and
 * CustomerTierChanged when the tier moves.
 */
@Service
public class ProfileEdits {

  private final CustomerStore customers;
  private final CustomerEvents events;
  private final TierPolicies policies;
  private final Clock clock;

  ProfileEdits(CustomerStore customers, CustomerEvents events, TierPolicies policies, Clock clock) {
    this.customers = customers;
    this.events = events;
    this.policies = policies;
    this.clock = clock;
  }

  /** What an edit asks for, worked out against the customer as stored. */
  public record Edit(Profile profile, Customer.TierEdit tier) {}

  /**
   * @param expectedRevision the revision the caller's copy has (their If-Match)
   * @param edit the edit, from the stored customer
   * @return the customer after the edit (unchanged when the edit changes nothing)
   * @throws StaleRevisionException when the customer is at another revision
   */
  public Customer edit(
      String id, long expectedRevision, Function<Customer, Edit> edit, String editedBy) {
    return customers.change(
        id,
        current -> {
          // Also after a lost race: the caller's copy is then stale, and nothing is overwritten.
          if (current.revision() != expectedRevision) {
            throw new StaleRevisionException(id, current.revision());
          }
          Edit asked = edit.apply(current);
          Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
          Optional<Customer.Change> change =
              current.edit(asked.profile(), asked.tier(), policies.current(), now, editedBy);
          return change
              .map(changed -> Change.of(changed.after(), events.changed(changed)))
              .orElseGet(() -> Change.none(current));
        });
  }
}
