package io.crossdesk.notification.delivery.application;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * A bulkhead, a circuit breaker and a quick retry per receiver (a webhook subscriber, a channel's
 * provider), named {@code <prefix>-<receiver>} in the metrics: a slow receiver holds at most its
 * own share of the sending threads, and a dead one is not called until its circuit half-opens, so
 * neither delays any other. The circuit opens once half of the receiver's last ten calls (at least
 * five) failed.
 */
public final class Isolation {

  private final String prefix;
  private final CircuitBreakerRegistry circuits;
  private final BulkheadRegistry bulkheads;
  private final RetryRegistry retries;

  /**
   * @param maxConcurrent calls in flight to one receiver
   * @param maxWait how long a call waits for a place in the bulkhead
   * @param openFor how long an open circuit stays open
   * @param attempts attempts of one call, the first included (the quick retry waits 200 ms)
   */
  public Isolation(
      String prefix,
      int maxConcurrent,
      Duration maxWait,
      Duration openFor,
      int attempts,
      MeterRegistry meters) {
    this.prefix = prefix;
    this.circuits =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    this.bulkheads =
        BulkheadRegistry.of(
            BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrent)
                .maxWaitDuration(maxWait)
                .build());
    this.retries =
        RetryRegistry.of(
            RetryConfig.custom()
                .maxAttempts(attempts)
                .waitDuration(Duration.ofMillis(200))
                .build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(meters);
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
  }

  public CircuitBreaker circuit(String receiver) {
    return circuits.circuitBreaker(name(receiver));
  }

  public Bulkhead bulkhead(String receiver) {
    return bulkheads.bulkhead(name(receiver));
  }

  public Retry retry(String receiver) {
    return retries.retry(name(receiver));
  }

  /** Drops a receiver that is gone (a deleted subscription). */
  public void forget(String receiver) {
    circuits.remove(name(receiver));
    bulkheads.remove(name(receiver));
    retries.remove(name(receiver));
  }

  private String name(String receiver) {
    return prefix + "-" + receiver;
  }
}
