package io.crossdesk.platform.deadline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the poller looks for due deadlines when it has nothing left to do
 * @param lease how long an instance that claimed a deadline is the only one to fire it; must
 *     outlast the slowest handler, or a slow handler and another instance fire the same deadline
 *     side by side. Also how long a {@link Deadlines#schedule} call may take: the poller leaves
 *     minutes younger than the lease open for writers still scheduling into them
 * @param batchSize how many deadlines of one kind a pass claims before it looks at the other kinds
 * @param maxAttempts tries before a failing deadline is parked
 * @param retryDelay the wait after the first failed try; each further failure doubles it
 * @param maxRetryDelay the longest wait between two tries
 * @param stopTimeout how long shutting down waits for the handler in flight
 */
@ConfigurationProperties("crossdesk.deadlines")
public record DeadlineProperties(
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("100") int batchSize,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("10s") Duration retryDelay,
    @DefaultValue("10m") Duration maxRetryDelay,
    @DefaultValue("30s") Duration stopTimeout) {

  public DeadlineProperties {
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("crossdesk.deadlines.poll-interval must be positive");
    }
    if (lease.compareTo(pollInterval) <= 0 || lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "crossdesk.deadlines.lease ("
              + lease
              + ") must be at least 1s and longer than the poll interval ("
              + pollInterval
              + ")");
    }
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "crossdesk.deadlines.batch-size and max-attempts must be at least 1");
    }
    if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0) {
      throw new IllegalArgumentException(
          "crossdesk.deadlines.retry-delay must not be negative nor above max-retry-delay");
    }
  }

  /** The wait after the {@code failures}-th failed try. */
  Duration retryDelayAfter(int failures) {
    long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
    Duration delay = retryDelay.multipliedBy(factor);
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
