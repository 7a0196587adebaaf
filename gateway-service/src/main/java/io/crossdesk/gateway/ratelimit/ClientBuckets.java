package io.crossdesk.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One in-memory token bucket per client and budget: the default budget, or the first rule that
 * matches the request (path, method, the caller's roles). Per instance, not shared: with N gateway
 * instances a client gets up to N times the budget, which is acceptable for a guard against runaway
 * callers.
 */
class ClientBuckets {

  static final String DEFAULT = "default";

  private final Cache<String, Bucket> buckets;
  private final Budget standard;
  private final List<Budget> rules = new ArrayList<>();

  ClientBuckets(RateLimitProperties properties) {
    this.standard =
        new Budget(
            DEFAULT,
            List.of(),
            List.of(),
            List.of(),
            bandwidth(properties.requestsPerSecond(), properties.burst()));
    PathPatternParser parser = PathPatternParser.defaultInstance;
    for (RateLimitProperties.Rule rule : properties.rules()) {
      if (rule.name() == null || rule.name().isBlank() || rule.name().equals(DEFAULT)) {
        throw new IllegalArgumentException(
            "crossdesk.rate-limit.rules: every rule needs a name other than '" + DEFAULT + "'");
      }
      rules.add(
          new Budget(
              rule.name(),
              rule.paths().stream().map(parser::parse).toList(),
              rule.methods().stream()
                  .map(m -> HttpMethod.valueOf(m.toUpperCase(Locale.ROOT)))
                  .toList(),
              rule.roles().stream().map(role -> "ROLE_" + role.toUpperCase(Locale.ROOT)).toList(),
              bandwidth(rule.requestsPerSecond(), rule.burst())));
    }
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(properties.idleExpiry())
            .maximumSize(properties.maxClients())
            .build();
  }

  /** The budget that applies to the request: the first matching rule, or the default. */
  Budget budgetFor(String path, HttpMethod method, Collection<String> authorities) {
    PathContainer container = PathContainer.parsePath(path);
    for (Budget rule : rules) {
      if (rule.matches(container, method, authorities)) {
        return rule;
      }
    }
    return standard;
  }

  ConsumptionProbe tryConsume(Budget budget, String client) {
    return buckets
        .get(
            budget.name() + "|" + client,
            key -> Bucket.builder().addLimit(budget.bandwidth()).build())
        .tryConsumeAndReturnRemaining(1);
  }

  private static Bandwidth bandwidth(long requestsPerSecond, long burst) {
    return Bandwidth.builder()
        .capacity(burst)
        .refillGreedy(requestsPerSecond, Duration.ofSeconds(1))
        .build();
  }

  record Budget(
      String name,
      List<PathPattern> paths,
      List<HttpMethod> methods,
      List<String> authorities,
      Bandwidth bandwidth) {

    boolean matches(PathContainer path, HttpMethod method, Collection<String> held) {
      return (paths.isEmpty() || paths.stream().anyMatch(pattern -> pattern.matches(path)))
          && (methods.isEmpty() || methods.contains(method))
          && (authorities.isEmpty() || authorities.stream().anyMatch(held::contains));
    }
  }
}
