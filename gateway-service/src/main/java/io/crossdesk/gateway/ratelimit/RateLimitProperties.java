package io.crossdesk.gateway.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budget: a token bucket that refills {@code requestsPerSecond} and holds at
 * most {@code burst}. Generous by default; it exists to stop a runaway script, not a busy desk.
 *
 * @param enabled switch the limit off entirely (load tests)
 * @param requestsPerSecond sustained rate per client
 * @param burst bucket size: how many requests a client may fire at once
 * @param idleExpiry a client's bucket is forgotten after this long without requests
 * @param maxClients upper bound on remembered clients, so the map cannot grow without limit
 */
@ConfigurationProperties("crossdesk.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("50") long requestsPerSecond,
    @DefaultValue("100") long burst,
    @DefaultValue("10m") Duration idleExpiry,
    @DefaultValue("100000") long maxClients) {}
