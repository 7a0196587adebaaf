package io.crossdesk.contracts.analytics;

import java.time.Instant;
import java.util.List;

/**
 * A customer shows a sign of churning: raised when a reason appears that the customer did not
 * already have in the last 30 days, with every reason that holds. Key and subject: customerId.
 *
 * @param reasons every reason that holds now, the new one among them
 * @param newReason the code of the reason that raised this event
 * @param ticketId the ticket whose event raised it
 */
public record CustomerAtRisk(
    String customerId,
    String customerTier,
    List<Reason> reasons,
    String newReason,
    String ticketId,
    Instant flaggedAt) {

  /**
   * One sign of churn.
   *
   * @param code REPEATED_COMPLAINTS (three or more complaints in 30 days), REOPENED_COMPLAINT,
   *     LOW_SATISFACTION (a survey score of 2 or less) or TIER_A_SLA_BREACH
   * @param detail what happened, in a sentence
   * @param since when it was first seen
   */
  public record Reason(String code, String detail, Instant since) {}
}
