package io.crossdesk.gateway.ratelimit;

import io.crossdesk.gateway.ProblemWriter;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 429 when a client spends its budget. A web filter placed after Spring Security, so the
 * token is already validated: an authenticated caller is limited by subject (wherever they call
 * from), an anonymous one (only /dev/token is open to them) by IP. Rejected tokens never get here,
 * and actuator endpoints are exempt so probes and scrapes are never throttled.
 */
@Component
@ConditionalOnBooleanProperty(name = "crossdesk.rate-limit.enabled", matchIfMissing = true)
class RateLimitFilter implements WebFilter, Ordered {

  /** Spring Security's filter chain runs at -100; this must see its result. */
  static final int ORDER = 0;

  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final ClientBuckets buckets;
  private final ProblemWriter problems;

  RateLimitFilter(RateLimitProperties properties, ProblemWriter problems) {
    this.buckets = new ClientBuckets(properties);
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
      return chain.filter(exchange);
    }
    return exchange
        .getPrincipal()
        .map(principal -> new Client("sub:" + principal.getName(), authorities(principal)))
        .switchIfEmpty(Mono.fromSupplier(() -> new Client("ip:" + clientIp(exchange), List.of())))
        .flatMap(client -> admit(client, exchange, chain));
  }

  private Mono<Void> admit(Client client, ServerWebExchange exchange, WebFilterChain chain) {
    ClientBuckets.Budget budget =
        buckets.budgetFor(
            exchange.getRequest().getPath().value(),
            exchange.getRequest().getMethod(),
            client.authorities());
    ConsumptionProbe probe = buckets.tryConsume(budget, client.key());
    HttpHeaders headers = exchange.getResponse().getHeaders();
    if (probe.isConsumed()) {
      headers.set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
      return chain.filter(exchange);
    }
    long retryAfterSeconds =
        Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    headers.set(REMAINING_HEADER, "0");
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        budget.name().equals(ClientBuckets.DEFAULT)
            ? "Too many requests; retry in " + retryAfterSeconds + " s."
            : "Too many requests under the '"
                + budget.name()
                + "' limit; retry in "
                + retryAfterSeconds
                + " s.");
  }

  private static List<String> authorities(Principal principal) {
    return principal instanceof Authentication authentication
        ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()
        : List.of();
  }

  /** Who is counted: the token's subject, or the address of an anonymous caller. */
  private record Client(String key, List<String> authorities) {}

  /**
   * The socket's peer, deliberately not X-Forwarded-For, which any client can forge. Behind a
   * trusted proxy, set server.forward-headers-strategy so the peer is resolved from it.
   */
  private static String clientIp(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }
}
