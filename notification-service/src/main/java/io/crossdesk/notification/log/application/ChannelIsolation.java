package io.crossdesk.notification.log.application;

import io.crossdesk.notification.log.domain.Channel;
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
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A bulkhead, a circuit breaker and a quick retry per channel, named {@code notification-<channel>}
 * in the metrics. A slow mail server holds at most its share of the sending threads and a dead SMS
 * gateway is not called until its circuit half-opens, so neither delays the other. The quick retry
 * covers a dropped connection; longer outages are left to the scheduled tries.
 */
@Component
class ChannelIsolation {

  private final CircuitBreakerRegistry circuits;
  private final BulkheadRegistry bulkheads;
  private final RetryRegistry retries;

  ChannelIsolation(NotificationProperties properties, MeterRegistry meters) {
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
                .maxConcurrentCalls(properties.maxConcurrentPerChannel())
                .maxWaitDuration(Duration.ofMillis(500))
                .build());
    this.retries =
        RetryRegistry.of(
            RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(200)).build());
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(meters);
    TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
  }

  CircuitBreaker circuit(Channel channel) {
    return circuits.circuitBreaker(name(channel));
  }

  Bulkhead bulkhead(Channel channel) {
    return bulkheads.bulkhead(name(channel));
  }

  Retry retry(Channel channel) {
    return retries.retry(name(channel));
  }

  private static String name(Channel channel) {
    return "notification-" + channel.name().toLowerCase(Locale.ROOT);
  }
}
