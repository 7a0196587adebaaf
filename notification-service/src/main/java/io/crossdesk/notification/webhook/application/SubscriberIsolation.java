package io.crossdesk.notification.webhook.application;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A bulkhead and a circuit breaker per subscriber, named {@code webhook-<subscription id>}: a slow
 * subscriber holds at most its own share of the sending threads, and a dead one is not called until
 * its circuit half-opens, so neither delays any other.
 */
@Component
class SubscriberIsolation {

  private final CircuitBreakerRegistry circuits;
  private final BulkheadRegistry bulkheads;

  SubscriberIsolation(WebhookProperties properties, MeterRegistry meters) {
    this.circuits =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentPerSubscriber())
                .maxWaitDuration(Duration.ZERO)
                .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(meters);
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
  }

  CircuitBreaker circuit(String subscriptionId) {
    return circuits.circuitBreaker(name(subscriptionId));
  }

  Bulkhead bulkhead(String subscriptionId) {
    return bulkheads.bulkhead(name(subscriptionId));
  }

  void forget(String subscriptionId) {
    circuits.remove(name(subscriptionId));
    bulkheads.remove(name(subscriptionId));
  }

  private static String name(String subscriptionId) {
    return "webhook-" + subscriptionId;
  }
}
