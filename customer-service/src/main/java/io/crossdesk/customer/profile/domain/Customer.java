package io.crossdesk.customer.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone the desk serves. Registered once, by a member of staff; every request, ticket and contact
 * later refers to the customer by id. Each change counts the revision up, which is also what the
 * API's ETag and the events' {@code revision} show.
 */
public record Customer(
    CustomerId id,
    long revision,
    Profile profile,
    TierAssignment tier,
    Instant registeredAt,
    String registeredBy,
    Instant updatedAt,
    String updatedBy) {

  /** Who changes tiers that follow the policy. */
  public static final String TIER_POLICY = "tier-policy";

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(registeredAt, "registeredAt");
    if (registeredBy == null || registeredBy.isBlank()) {
      throw new IllegalArgumentException("a customer is registered by someone");
    }
  }

  /**
   * A new customer with a fresh id. With {@code manualTier} the tier is an override (registration
   * as it always was: the desk names the tier); without, the policy decides it from the value.
   */
  public static Customer register(
      Profile profile,
      TierAssignment manualTier,
      TierPolicy policy,
      Instant registeredAt,
      String registeredBy) {
    TierAssignment tier =
        manualTier != null ? manualTier : byPolicy(policy, profile.value(), registeredAt);
    return new Customer(
        CustomerId.generate(),
        0,
        profile,
        tier,
        registeredAt,
        registeredBy,
        registeredAt,
        registeredBy);
  }

  /**
   * The customer after an edit: a new profile and what to do with the tier. A tier that follows the
   * policy is decided again from the (maybe changed) value; an override sticks until cleared.
   *
   * @return empty when nothing changed
   */
  public Optional<Change> edit(
      Profile newProfile, TierEdit tierEdit, TierPolicy policy, Instant at, String by) {
    TierAssignment newTier =
        switch (tierEdit.kind()) {
          case KEEP -> tier.isOverride() ? tier : byPolicy(policy, newProfile.value(), at);
          case OVERRIDE ->
              TierAssignment.manual(tierEdit.tier(), tierEdit.reason(), policy.version());
          case CLEAR -> byPolicy(policy, newProfile.value(), at);
        };
    return changeTo(newProfile, newTier, at, by);
  }

  /** The customer under a new tier policy; empty when the tier stays (or is an override). */
  public Optional<Change> retier(TierPolicy policy, Instant at) {
    if (tier.isOverride()) {
      return Optional.empty();
    }
    TierAssignment decided = byPolicy(policy, profile.value(), at);
    if (decided.tier() == tier.tier()) {
      return Optional.empty();
    }
    return changeTo(profile, decided, at, TIER_POLICY);
  }

  /** Whether a CUSTOMER token naming {@code ownCustomerId} is this customer. */
  public boolean belongsTo(String ownCustomerId) {
    return id.value().equals(ownCustomerId);
  }

  private Optional<Change> changeTo(
      Profile newProfile, TierAssignment newTier, Instant at, String by) {
    List<String> changed = new ArrayList<>(newProfile.changedSince(profile));
    boolean tierChanged = newTier.tier() != tier.tier();
    boolean assignmentChanged =
        tierChanged
            || newTier.basis() != tier.basis()
            || (newTier.isOverride() && !newTier.reason().equals(tier.reason()));
    if (assignmentChanged) {
      changed.add("tier");
    }
    if (changed.isEmpty()) {
      return Optional.empty();
    }
    Customer after =
        new Customer(id, revision + 1, newProfile, newTier, registeredAt, registeredBy, at, by);
    return Optional.of(new Change(this, after, List.copyOf(changed), tierChanged));
  }

  private static TierAssignment byPolicy(TierPolicy policy, CustomerValue value, Instant at) {
    TierPolicy.Decision decision = policy.decide(value, LocalDate.ofInstant(at, ZoneOffset.UTC));
    return new TierAssignment(
        decision.tier(), TierBasis.POLICY, decision.reason(), policy.version());
  }

  /** What an edit does to the tier. */
  public record TierEdit(Kind kind, Tier tier, String reason) {

    public static final TierEdit KEEP = new TierEdit(Kind.KEEP, null, null);
    public static final TierEdit CLEAR = new TierEdit(Kind.CLEAR, null, null);

    public static TierEdit override(Tier tier, String reason) {
      return new TierEdit(Kind.OVERRIDE, tier, reason);
    }

    public enum Kind {
      KEEP,
      OVERRIDE,
      CLEAR
    }
  }

  /**
   * A change of a customer: before and after, the fields that changed, and whether the tier did.
   */
  public record Change(
      Customer before, Customer after, List<String> changedFields, boolean tierChanged) {}
}
