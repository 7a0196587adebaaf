package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the warnings remember of one customer: their tier, the times of their latest complaints (as
 * many as the next complaint needs to tell whether it is a repeated one), and the reasons for which
 * they are at risk, each with when it was seen.
 */
public record CustomerRisk(String tier, List<Instant> complaints, List<Reason> reasons) {

  /** A reason that holds, seen first at {@code since} on the ticket {@code ticketId}. */
  public record Reason(String code, String detail, Instant since, String ticketId) {}

  public CustomerRisk {
    complaints = List.copyOf(complaints);
    reasons = List.copyOf(reasons);
  }

  public static CustomerRisk none() {
    return new CustomerRisk(null, List.of(), List.of());
  }
}
