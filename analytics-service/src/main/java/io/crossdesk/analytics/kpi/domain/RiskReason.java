package io.crossdesk.analytics.kpi.domain;

/** The signs that a customer may churn (docs/analytics.md, "Customers at risk"). */
public final class RiskReason {

  public static final String REPEATED_COMPLAINTS = "REPEATED_COMPLAINTS";
  public static final String REOPENED_COMPLAINT = "REOPENED_COMPLAINT";
  public static final String LOW_SATISFACTION = "LOW_SATISFACTION";
  public static final String TIER_A_SLA_BREACH = "TIER_A_SLA_BREACH";

  private RiskReason() {}
}
