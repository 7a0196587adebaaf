package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;

/**
 * What a ticket's event tells the warnings: a complaint came in (for spikes, and for repeated
 * complaints), or a sign that the customer may churn.
 *
 * @param kind {@link #COMPLAINT_OPENED} or one of the {@link RiskReason} codes
 * @param detail what happened, in a sentence
 */
public record Signal(
    String kind,
    String customerId,
    String tier,
    String category,
    String region,
    String detail,
    String ticketId,
    Instant at) {

  public static final String COMPLAINT_OPENED = "COMPLAINT_OPENED";

  public boolean isComplaint() {
    return COMPLAINT_OPENED.equals(kind);
  }

  /** Spikes are counted per category and region. */
  public String spikeKey() {
    return (category == null ? Dimension.UNKNOWN : category)
        + "|"
        + (region == null ? Dimension.UNKNOWN : region);
  }
}
