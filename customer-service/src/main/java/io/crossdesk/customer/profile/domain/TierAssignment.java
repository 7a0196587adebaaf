package io.crossdesk.customer.profile.domain;

import java.util.Objects;

/**
 * A customer's tier and why they have it. A MANUAL assignment (an override, with its reason) sticks
 * until it is cleared; a POLICY one follows the customer's value under the tier policy.
 */
public record TierAssignment(Tier tier, TierBasis basis, String reason, int policyVersion) {

  public static final int MAX_REASON_LENGTH = 500;

  public TierAssignment {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(basis, "basis");
    reason = reason == null ? "" : reason.strip();
    if (reason.isEmpty()) {
      throw new InvalidCustomerException("tierOverride.reason", "a tier override needs a reason");
    }
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new InvalidCustomerException(
          "tierOverride.reason", "must be at most " + MAX_REASON_LENGTH + " characters long");
    }
  }

  public static TierAssignment manual(Tier tier, String reason, int policyVersion) {
    if (tier == null) {
      throw new InvalidCustomerException("tierOverride.tier", "must be given");
    }
    return new TierAssignment(tier, TierBasis.MANUAL, reason, policyVersion);
  }

  public boolean isOverride() {
    return basis == TierBasis.MANUAL;
  }
}
