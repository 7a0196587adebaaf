package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.delivery.domain.RetryPolicy;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhook channel's settings (docs/notifications.md, "Webhooks").
 *
 * @param ownAddresses the system's own {@code host:port} pairs, which no subscription may point at;
 *     this service's own port is added by itself
 * @param maxTries scheduled tries of one delivery before it is given up
 * @param firstRetryDelay the wait after the first failed try
 * @param retryMultiplier how much longer each further wait is
 * @param maxRetryDelay the longest wait between two tries
 * @param jitter up to this share of a wait is added at random
 * @param disableAfter deliveries given up in a row before their subscription is disabled
 * @param connectTimeout how long a subscriber may take to accept the connection
 * @param readTimeout how long a subscriber may take to answer
 * @param secretOverlap how long the previous secrets keep signing after a new one is added
 * @param maxConcurrentPerSubscriber requests in flight to one subscriber (its bulkhead)
 * @param senderThreads threads sending to all subscribers together
 * @param circuitOpenFor how long a subscriber's circuit stays open once half of its recent calls
 *     failed
 */
@ConfigurationProperties("crossdesk.webhooks")
public record WebhookProperties(
    @DefaultValue List<String> ownAddresses,
    @DefaultValue("8") int maxTries,
    @DefaultValue("5s") Duration firstRetryDelay,
    @DefaultValue("6") double retryMultiplier,
    @DefaultValue("6h") Duration maxRetryDelay,
    @DefaultValue("0.2") double jitter,
    @DefaultValue("3") int disableAfter,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("24h") Duration secretOverlap,
    @DefaultValue("4") int maxConcurrentPerSubscriber,
    @DefaultValue("16") int senderThreads,
    @DefaultValue("30s") Duration circuitOpenFor) {

  public RetryPolicy retryPolicy() {
    return new RetryPolicy(
        maxTries, firstRetryDelay, retryMultiplier, maxRetryDelay, jitter, disableAfter);
  }

  /** How long a try may be in flight before another instance takes it as lost. */
  Duration longestTry() {
    return connectTimeout.plus(readTimeout).plusSeconds(5);
  }
}
