package io.crossdesk.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budget: a token bucket that refills {@code requestsPerSecond} and holds at
 * most {@code burst}. Generous by default; it exists to stop a runaway script, not a busy desk.
 * {@code rules} give some routes or roles a budget of their own.
 *
 * @param enabled switch the limit off entirely (load tests)
 * @param requestsPerSecond sustained rate per client
 * @param burst bucket size: how many requests a client may fire at once
 * @param idleExpiry a client's bucket is forgotten after this long without requests
 * @param maxClients upper bound on remembered clients, so the map cannot grow without limit
 * @param rules budgets for some routes or roles; the first rule that matches a request applies,
 *     counted apart from the default budget and from the other rules
 */
@ConfigurationProperties("crossdesk.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("50") long requestsPerSecond,
    @DefaultValue("100") long burst,
    @DefaultValue("10m") Duration idleExpiry,
    @DefaultValue("100000") long maxClients,
    @DefaultValue List<Rule> rules) {

  /**
   * A budget of its own for the requests it matches.
   *
   * @param name names the budget (in the 429's detail and the bucket's key)
   * @param paths path patterns ({@code /api/analytics/**}); none: every path
   * @param methods HTTP methods; none: every method
   * @param roles the caller holds at least one of these roles; none: any caller, anonymous too
   * @param requestsPerSecond sustained rate per client under this rule
   * @param burst bucket size under this rule
   */
  public record Rule(
      String name,
      @DefaultValue List<String> paths,
      @DefaultValue List<String> methods,
      @DefaultValue List<String> roles,
      long requestsPerSecond,
      long burst) {}
}
