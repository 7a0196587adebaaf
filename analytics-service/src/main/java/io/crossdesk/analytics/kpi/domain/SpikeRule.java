package io.crossdesk.analytics.kpi.domain;

/**
 * When complaints of a category and region in one hour are a spike: at least {@code minCount} and
 * above the mean plus {@code sigmas} standard deviations of the {@code baselineHours} hours before.
 */
public record SpikeRule(int minCount, int baselineHours, double sigmas) {

  public SpikeRule {
    if (minCount < 1 || baselineHours < 1 || sigmas < 0) {
      throw new IllegalArgumentException(
          "a spike needs a minimum count and baseline hours of at least 1, sigmas of at least 0");
    }
  }
}
