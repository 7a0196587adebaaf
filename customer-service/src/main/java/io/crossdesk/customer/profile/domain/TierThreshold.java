package io.crossdesk.customer.profile.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** What a customer must reach for a tier: both the yearly revenue and the years as a customer. */
public record TierThreshold(BigDecimal minYearlyRevenue, int minTenureYears) {

  public TierThreshold {
    Objects.requireNonNull(minYearlyRevenue, "minYearlyRevenue");
  }

  boolean reachedBy(BigDecimal revenue, int tenureYears) {
    return revenue.compareTo(minYearlyRevenue) >= 0 && tenureYears >= minTenureYears;
  }

  /** Whether every customer reaching {@code other} also reaches this one. */
  boolean atMost(TierThreshold other) {
    return minYearlyRevenue.compareTo(other.minYearlyRevenue) <= 0
        && minTenureYears <= other.minTenureYears;
  }

  boolean isZero() {
    return minYearlyRevenue.signum() == 0 && minTenureYears == 0;
  }

  @Override
  public String toString() {
    return "yearly revenue >= "
        + minYearlyRevenue.toPlainString()
        + " and "
        + minTenureYears
        + " years as a customer";
  }
}
