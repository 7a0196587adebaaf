package io.crossdesk.analytics.goal.domain;

import io.crossdesk.analytics.kpi.domain.KpiFigures;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The KPIs a target can be set on: each one number of a period's figures, and whether more of it is
 * better ({@code higherIsBetter}) or less.
 */
public enum Measure {
  RESOLUTION_SLA_SHARE_MET("resolutionSla.shareMet", true, k -> k.resolutionSla().shareMet()),
  FIRST_RESPONSE_SLA_SHARE_MET(
      "firstResponseSla.shareMet", true, k -> k.firstResponseSla().shareMet()),
  FIRST_RESPONSE_TIME_AVERAGE(
      "firstResponseTime.averageSeconds", false, k -> k.firstResponseTime().averageSeconds()),
  RESOLUTION_BUSINESS_TIME_AVERAGE(
      "resolutionBusinessTime.averageSeconds",
      false,
      k -> k.resolutionBusinessTime().averageSeconds()),
  FIRST_CONTACT_RESOLUTION_RATE(
      "firstContactResolutionRate", true, KpiFigures::firstContactResolutionRate),
  REOPEN_RATE("reopenRate", false, KpiFigures::reopenRate),
  SATISFACTION_AVERAGE("satisfaction.average", true, k -> k.satisfaction().average()),
  RESOLUTION_TIME_AVERAGE(
      "resolutionTime.averageSeconds", false, k -> k.resolutionTime().averageSeconds()),
  RESOLUTION_TIME_P90("resolutionTime.p90Seconds", false, k -> k.resolutionTime().p90Seconds()),
  STEP_OLA_SHARE_MET("steps.ola.shareMet", true, k -> k.steps().ola().shareMet()),
  STEP_RETURN_RATE("steps.returnRate", false, k -> k.steps().returnRate()),
  STEP_TRANSFER_RATE("steps.transferRate", false, k -> k.steps().transferRate()),
  CALL_BACKS_WITHIN_3_DAYS_SHARE(
      "steps.callBacksWithin3DaysShare", true, k -> k.steps().callBacksWithin3DaysShare()),
  COMPLAINTS_OPENED("complaintsOpened", false, k -> (double) k.complaintsOpened());

  private final String id;
  private final boolean higherIsBetter;
  private final Function<KpiFigures, Double> read;

  Measure(String id, boolean higherIsBetter, Function<KpiFigures, Double> read) {
    this.id = id;
    this.higherIsBetter = higherIsBetter;
    this.read = read;
  }

  /**
   * The name in the API: the path of the figure in a KPI report, {@code resolutionSla.shareMet}.
   */
  public String id() {
    return id;
  }

  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The figure in a period's KPIs, or null when the period has nothing to compute it from. */
  public Double of(KpiFigures figures) {
    return figures == null ? null : read.apply(figures);
  }

  public static Optional<Measure> byId(String id) {
    return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
  }
}
