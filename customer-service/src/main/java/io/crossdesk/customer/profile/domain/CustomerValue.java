package io.crossdesk.customer.profile.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * What the customer is worth to the business, as far as the tier policy asks: yearly revenue (in
 * the desk's currency) and since when they are a customer. Unknown values count as nothing.
 */
public record CustomerValue(BigDecimal yearlyRevenue, LocalDate customerSince) {

  public static final CustomerValue UNKNOWN = new CustomerValue(null, null);

  public CustomerValue {
    if (yearlyRevenue != null && yearlyRevenue.signum() < 0) {
      throw new InvalidCustomerException("yearlyRevenue", "must not be negative");
    }
  }

  public BigDecimal revenueOrZero() {
    return yearlyRevenue == null ? BigDecimal.ZERO : yearlyRevenue;
  }

  /** Whole years as a customer on {@code today}; 0 when unknown or in the future. */
  public int tenureYears(LocalDate today) {
    if (customerSince == null || customerSince.isAfter(today)) {
      return 0;
    }
    return Period.between(customerSince, today).getYears();
  }
}
