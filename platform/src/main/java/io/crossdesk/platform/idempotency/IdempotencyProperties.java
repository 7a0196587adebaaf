package io.crossdesk.platform.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether POSTs honour the Idempotency-Key header
 * @param retention how long a key and its answer are kept: a retry later than that runs again
 * @param purgeInterval how often keys older than the retention are removed
 * @param inProgressTimeout how long a request may hold its key unanswered before a retry may run in
 *     its place; covers an instance that died mid-request, so it must exceed the longest request
 */
@ConfigurationProperties("crossdesk.idempotency")
public record IdempotencyProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("24h") Duration retention,
    @DefaultValue("1h") Duration purgeInterval,
    @DefaultValue("1m") Duration inProgressTimeout) {}
