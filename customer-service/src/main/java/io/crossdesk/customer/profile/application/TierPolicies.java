package io.crossdesk.customer.profile.application;

import io.crossdesk.customer.profile.domain.TierPolicy;
import io.crossdesk.customer.profile.domain.TierThreshold;
import io.crossdesk.customer.profile.persistence.TierPolicyStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * The tier policy in force, and its changes. Until an ADMIN sets one, {@link TierPolicy#DEFAULT} is
 * in force.
 */
@Component
public class TierPolicies {

  private final TierPolicyStore store;
  private final Clock clock;
  private final TierSweep sweep;

  TierPolicies(TierPolicyStore store, Clock clock, TierSweep sweep) {
    this.store = store;
    this.clock = clock;
    this.sweep = sweep;
  }

  public TierPolicy current() {
    return store.current().orElse(TierPolicy.DEFAULT);
  }

  /**
   * Sets the next version and re-tiers existing customers in the background.
   *
   * @throws io.crossdesk.customer.profile.domain.InvalidTierPolicyException when the thresholds
   *     leave a tier unreachable or are out of order; nothing is stored then
   * @throws ConcurrentPolicyChangeException when another change took the same version
   */
  public TierPolicy set(TierThreshold a, TierThreshold b, String setBy) {
    TierPolicy next = current().next(a, b, clock.instant().truncatedTo(ChronoUnit.MILLIS), setBy);
    if (!store.putInForce(next)) {
      throw new ConcurrentPolicyChangeException(next.version());
    }
    sweep.requestPass();
    return next;
  }

  /** Two ADMINs changed the policy at once; the later one should look again. */
  public static class ConcurrentPolicyChangeException extends RuntimeException {
    ConcurrentPolicyChangeException(int version) {
      super("The tier policy was changed meanwhile (version " + version + "); read it again.");
    }
  }
}
