package io.crossdesk.benchmark.result;

/**
 * Figures divided by what Kafka alone does here: throughput by the records per second one consumer
 * reads, latency by the broker's produce-to-consume latency. Null when the divisor is zero.
 */
public record Ratios(
    Double openedPerSecond, Double routedPerSecond, Double p50, Double p99, Double p999) {

  public static Double of(double value, double divisor) {
    return divisor > 0 ? value / divisor : null;
  }
}
