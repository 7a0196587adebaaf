package io.crossdesk.customer.profile.domain;

/** Why a customer has their tier: the tier policy decided it, or someone overrode it. */
public enum TierBasis {
  POLICY,
  MANUAL
}
