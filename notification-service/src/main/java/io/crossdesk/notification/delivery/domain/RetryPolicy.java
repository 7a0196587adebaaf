package io.crossdesk.notification.delivery.domain;

import java.time.Duration;

/**
 * How often and when a delivery is tried: after the {@code n}-th failed try, {@code firstDelay ×
 * multiplier^(n-1)} capped at {@code maxDelay}, plus up to {@code jitter} of it at random, so that
 * the deliveries a subscriber's outage held up do not all come back at the same second.
 *
 * @param maxTries tries before a delivery is given up
 * @param disableAfter deliveries given up in a row before the subscription is disabled
 */
public record RetryPolicy(
    int maxTries,
    Duration firstDelay,
    double multiplier,
    Duration maxDelay,
    double jitter,
    int disableAfter) {

  public RetryPolicy {
    if (maxTries < 1 || disableAfter < 1) {
      throw new IllegalArgumentException("max tries and disable-after are at least 1");
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || multiplier < 1) {
      throw new IllegalArgumentException(
          "delays must not be negative, the first not above the longest, the multiplier at least 1");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("jitter is a share between 0 and 1");
    }
  }

  /**
   * The wait after the {@code failedTries}-th failed try.
   *
   * @param random a number in [0, 1)
   */
  public Duration delayAfter(int failedTries, double random) {
    double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(failedTries - 1, 0));
    long base = (long) Math.min(millis, maxDelay.toMillis());
    return Duration.ofMillis(base + (long) (base * jitter * random));
  }
}
