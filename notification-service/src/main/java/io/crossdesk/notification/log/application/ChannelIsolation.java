package io.crossdesk.notification.log.application;

import io.crossdesk.notification.delivery.application.Isolation;
import io.crossdesk.notification.log.domain.Channel;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Each channel's own bulkhead, circuit breaker and quick retry, named {@code
 * notification-<channel>} ({@link Isolation}): a slow mail server holds at most its share of the
 * sending threads and a dead SMS gateway is not called until its circuit half-opens, so neither
 * delays the other. The quick retry covers a dropped connection; longer outages are left to the
 * scheduled tries.
 */
@Component
class ChannelIsolation {

  private final Isolation isolation;

  ChannelIsolation(NotificationProperties properties, MeterRegistry meters) {
    this.isolation =
        new Isolation(
            "notification",
            properties.maxConcurrentPerChannel(),
            Duration.ofMillis(500),
            properties.circuitOpenFor(),
            2,
            meters);
  }

  CircuitBreaker circuit(Channel channel) {
    return isolation.circuit(name(channel));
  }

  Bulkhead bulkhead(Channel channel) {
    return isolation.bulkhead(name(channel));
  }

  Retry retry(Channel channel) {
    return isolation.retry(name(channel));
  }

  private static String name(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
