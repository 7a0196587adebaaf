package io.crossdesk.platform.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialInterval the first back-off; each further retry waits twice as long
 * @param maxRetries retries before a record goes to its dead-letter topic
 */
@ConfigurationProperties("crossdesk.dead-letters")
public record DeadLetterProperties(
    @DefaultValue("200ms") Duration initialInterval, @DefaultValue("3") int maxRetries) {}
