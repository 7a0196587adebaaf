package io.crossdesk.analytics.kpi.domain;

import io.crossdesk.contracts.analytics.CustomerAtRisk;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides when a customer is at risk of churning: three or more complaints in 30 days, a complaint
 * whose resolution they rejected, a survey score of 2 or less, or a breached target on a tier A
 * customer's ticket. A reason holds for 30 days from when it was seen; the customer is raised when
 * a reason appears that did not hold already, so a customer is not raised again and again for the
 * same thing.
 */
public final class RiskLedger {

  static final Duration WINDOW = Duration.ofDays(30);
  static final int REPEATED_COMPLAINTS = 3;

  /** The customer's state after a signal, and the warning it raised, if any. */
  public record Result(CustomerRisk state, Optional<CustomerAtRisk> raised) {}

  private RiskLedger() {}

  public static Result fold(String customerId, CustomerRisk before, Signal signal) {
    Instant at = signal.at();
    Instant windowStart = at.minus(WINDOW);
    String tier = signal.tier() != null ? signal.tier() : before.tier();
    List<Instant> complaints = new ArrayList<>();
    for (Instant complaint : before.complaints()) {
      if (complaint.isAfter(windowStart)) {
        complaints.add(complaint);
      }
    }
    List<CustomerRisk.Reason> reasons = new ArrayList<>();
    for (CustomerRisk.Reason reason : before.reasons()) {
      if (reason.since().isAfter(windowStart)) {
        reasons.add(reason);
      }
    }
    CustomerRisk.Reason seen = null;
    if (signal.isComplaint()) {
      complaints.add(at);
      if (complaints.size() >= REPEATED_COMPLAINTS) {
        seen =
            new CustomerRisk.Reason(
                RiskReason.REPEATED_COMPLAINTS,
                complaints.size() + " complaints in 30 days, the latest " + signal.detail(),
                at,
                signal.ticketId());
      }
    } else {
      seen = new CustomerRisk.Reason(signal.kind(), signal.detail(), at, signal.ticketId());
    }
    boolean isNew = seen != null && holds(reasons, seen.code()) == null;
    if (isNew) {
      reasons.add(seen);
    }
    // Only the latest complaints matter to the next one: the state stays this small however many
    // complaints a customer makes.
    List<Instant> kept =
        complaints.subList(
            Math.max(0, complaints.size() - (REPEATED_COMPLAINTS - 1)), complaints.size());
    CustomerRisk after = new CustomerRisk(tier, kept, reasons);
    if (!isNew) {
      return new Result(after, Optional.empty());
    }
    return new Result(
        after,
        Optional.of(
            new CustomerAtRisk(
                customerId,
                tier,
                reasons.stream()
                    .map(r -> new CustomerAtRisk.Reason(r.code(), r.detail(), r.since()))
                    .toList(),
                seen.code(),
                seen.ticketId(),
                at)));
  }

  private static CustomerRisk.Reason holds(List<CustomerRisk.Reason> reasons, String code) {
    return reasons.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
  }
}
