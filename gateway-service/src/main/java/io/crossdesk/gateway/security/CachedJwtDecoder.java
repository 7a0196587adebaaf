package io.crossdesk.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed validation, so a caller's token is verified once rather than on
 * every request: an RSA signature check and the claims' JSON parsing were the largest share of the
 * gateway's CPU per request. The key is the whole token, signature included, so a token that
 * differs in a single character is validated anew; rejected tokens are never remembered. A token is
 * forgotten when it expires, and after {@code maxAge} at the latest, which bounds how long a token
 * signed by a key since withdrawn from the JWK set is still let through. The services validate the
 * token again in any case.
 */
final class CachedJwtDecoder implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Cache<String, Jwt> validated;
  private final Clock clock;

  CachedJwtDecoder(ReactiveJwtDecoder delegate, long maxTokens, Duration maxAge) {
    this(delegate, maxTokens, maxAge, Clock.systemUTC(), Ticker.systemTicker());
  }

  CachedJwtDecoder(
      ReactiveJwtDecoder delegate, long maxTokens, Duration maxAge, Clock clock, Ticker ticker) {
    this.delegate = delegate;
    this.clock = clock;
    this.validated =
        Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .ticker(ticker)
            .expireAfter(Expiry.creating((String token, Jwt jwt) -> keepFor(jwt, maxAge)))
            .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = validated.getIfPresent(token);
    if (known != null) {
      return Mono.just(known);
    }
    return delegate.decode(token).doOnNext(jwt -> validated.put(token, jwt));
  }

  private Duration keepFor(Jwt jwt, Duration maxAge) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return maxAge;
    }
    Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
    if (untilExpiry.isNegative()) {
      // Accepted within the validator's clock skew: validate it again next time.
      return Duration.ZERO;
    }
    return untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
  }
}
