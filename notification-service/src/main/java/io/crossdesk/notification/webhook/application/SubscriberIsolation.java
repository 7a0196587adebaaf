package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.delivery.application.Isolation;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Each subscriber's own bulkhead and circuit breaker, named {@code webhook-<subscription id>}
 * ({@link Isolation}). A try is not retried at once: the next one is scheduled with back-off.
 */
@Component
class SubscriberIsolation {

  private final Isolation isolation;

  SubscriberIsolation(WebhookProperties properties, MeterRegistry meters) {
    this.isolation =
        new Isolation(
            "webhook",
            properties.maxConcurrentPerSubscriber(),
            Duration.ZERO,
            properties.circuitOpenFor(),
            1,
            meters);
  }

  CircuitBreaker circuit(String subscriptionId) {
    return isolation.circuit(subscriptionId);
  }

  Bulkhead bulkhead(String subscriptionId) {
    return isolation.bulkhead(subscriptionId);
  }

  void forget(String subscriptionId) {
    isolation.forget(subscriptionId);
  }
}
