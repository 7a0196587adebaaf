package io.crossdesk.analytics.kpi.domain;

/**
 * How long tickets waited from being opened to being routed to a department. Mean and maximum are
 * null while no ticket has been routed: there is nothing to average.
 */
public record RoutingStatistics(long count, Double meanSeconds, Double maxSeconds) {

  public RoutingStatistics {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
  }

  /** From the routed tickets' count, the sum and the maximum of their routing times. */
  public static RoutingStatistics of(long count, long totalMillis, long maxMillis) {
    if (count == 0) {
      return new RoutingStatistics(0, null, null);
    }
    double meanMillis = Math.round((double) totalMillis / count);
    return new RoutingStatistics(count, meanMillis / 1000.0, maxMillis / 1000.0);
  }
}
