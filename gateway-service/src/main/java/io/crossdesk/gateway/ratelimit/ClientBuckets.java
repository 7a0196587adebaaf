package io.crossdesk.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One in-memory token bucket per client. Per instance, not shared: with N gateway instances a
 * client gets up to N times the budget, which is acceptable for a guard against runaway callers.
 */
class ClientBuckets {

  private final Cache<String, Bucket> buckets;
  private final Bandwidth bandwidth;

  ClientBuckets(RateLimitProperties properties) {
    this.bandwidth =
        Bandwidth.builder()
            .capacity(properties.burst())
            .refillGreedy(properties.requestsPerSecond(), Duration.ofSeconds(1))
            .build();
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(properties.idleExpiry())
            .maximumSize(properties.maxClients())
            .build();
  }

  ConsumptionProbe tryConsume(String client) {
    return buckets
        .get(client, key -> Bucket.builder().addLimit(bandwidth).build())
        .tryConsumeAndReturnRemaining(1);
  }
}
