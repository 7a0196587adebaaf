package io.crossdesk.customer.profile.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a customer's value decides their tier: A for whoever reaches {@code a}, else B for whoever
 * reaches {@code b}, else C. Thresholds are monotonic (A asks at least what B asks) and every tier
 * is reachable (A asks more than B in something; B asks something). Versioned: each change an ADMIN
 * makes is a new version, and every tier decision names the version it followed.
 */
public record TierPolicy(
    int version, TierThreshold a, TierThreshold b, Instant setAt, String setBy) {

  /** In force until an ADMIN sets one; version 0. */
  public static final TierPolicy DEFAULT =
      new TierPolicy(
          0,
          new TierThreshold(new BigDecimal("1000000"), 3),
          new TierThreshold(new BigDecimal("100000"), 1),
          Instant.EPOCH,
          "default");

  public TierPolicy {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    List<FieldProblem> problems = new ArrayList<>();
    check(a, "a", problems);
    check(b, "b", problems);
    if (problems.isEmpty()) {
      if (!b.atMost(a)) {
        problems.add(new FieldProblem("a", "tier A must ask at least what tier B asks"));
      } else if (a.equals(b)) {
        problems.add(
            new FieldProblem("b", "tier B is unreachable: tier A must ask more in something"));
      }
      if (b.isZero()) {
        problems.add(new FieldProblem("b", "tier C is unreachable: tier B must ask something"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidTierPolicyException(problems);
    }
  }

  /** The tier {@code value} earns on {@code today}, and the rule that decided it. */
  public Decision decide(CustomerValue value, LocalDate today) {
    BigDecimal revenue = value.revenueOrZero();
    int tenure = value.tenureYears(today);
    if (a.reachedBy(revenue, tenure)) {
      return new Decision(Tier.A, "tier policy v" + version + ": " + a);
    }
    if (b.reachedBy(revenue, tenure)) {
      return new Decision(Tier.B, "tier policy v" + version + ": " + b);
    }
    return new Decision(Tier.C, "tier policy v" + version + ": below tier B");
  }

  /** The next version, with new thresholds. */
  public TierPolicy next(TierThreshold a, TierThreshold b, Instant setAt, String setBy) {
    return new TierPolicy(version + 1, a, b, setAt, setBy);
  }

  public record Decision(Tier tier, String reason) {}

  private static void check(TierThreshold threshold, String field, List<FieldProblem> problems) {
    if (threshold.minYearlyRevenue().signum() < 0) {
      problems.add(new FieldProblem(field + ".minYearlyRevenue", "must not be negative"));
    }
    if (threshold.minTenureYears() < 0 || threshold.minTenureYears() > 100) {
      problems.add(new FieldProblem(field + ".minTenureYears", "must be 0 to 100"));
    }
  }
}
