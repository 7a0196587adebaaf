package io.crossdesk.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which browser origins may call the API. The default admits any port on localhost, where
 * development front ends run; production sets its real origins. Credentials (cookies) are never
 * allowed: callers send bearer tokens.
 */
@ConfigurationProperties("crossdesk.cors")
public record CorsProperties(
    @DefaultValue({"http://localhost:[*]", "http://127.0.0.1:[*]"})
        List<String> allowedOriginPatterns,
    @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) List<String> allowedMethods,
    @DefaultValue({"Authorization", "Content-Type", "Accept", "traceparent", "Idempotency-Key"})
        List<String> allowedHeaders,
    @DefaultValue({"Location", "Retry-After", "X-RateLimit-Remaining", "Idempotent-Replayed"})
        List<String> exposedHeaders,
    @DefaultValue("1h") Duration maxAge) {}
