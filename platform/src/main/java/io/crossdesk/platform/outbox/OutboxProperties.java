package io.crossdesk.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how long the relay waits for new work before it looks for pending events that
 *     no instance is publishing (left by a crash, or waiting for a retry)
 * @param batchSize how many events the relay sends to Kafka before it waits for their
 *     acknowledgements
 * @param lease how long the instance that wrote an event, or claimed it, is the only one to publish
 *     it (a writer renews its lease every third of it); must be longer than a send can take (the
 *     producer's max.block.ms plus delivery.timeout.ms) so that a slow send is never doubled by
 *     another instance
 * @param retryDelay the first wait after a failed publish; each further failure doubles it
 * @param maxRetryDelay the longest wait between two tries
 * @param maxAttempts tries of an event that fails for a reason retrying cannot cure (too large, a
 *     topic that cannot exist) before it is parked; an unreachable broker is retried forever
 * @param stopTimeout how long shutting down waits for the events in flight and those queued before
 *     it abandons them to the next start or another instance
 * @param markerRemovalDelay how long the markers of published events (those retried, or left at a
 *     stop) may wait to be removed together: one delete per interval rather than one per relay pass
 *     (zero: each pass removes its own). A crash within it publishes those events again, which
 *     consumers take once
 */
@ConfigurationProperties("crossdesk.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("45s") Duration lease,
    @DefaultValue("1s") Duration retryDelay,
    @DefaultValue("60s") Duration maxRetryDelay,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("10s") Duration stopTimeout,
    @DefaultValue("250ms") Duration markerRemovalDelay) {

  /** The wait after the {@code failures}-th failed try. */
  Duration retryDelayAfter(int failures) {
    long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
    Duration delay = retryDelay.multipliedBy(factor);
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
