package io.crossdesk.platform.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialInterval the first back-off; each further retry waits twice as long
 * @param maxRetries retries before a record goes to its dead-letter topic
 * @param notYetKnownRetries retries, with the same doubling back-off, for an event that refers to
 *     something not known yet ({@link NotYetKnownException}); 6 retries wait about 12 s in all
 */
@ConfigurationProperties("crossdesk.dead-letters")
public record DeadLetterProperties(
    @DefaultValue("200ms") Duration initialInterval,
    @DefaultValue("3") int maxRetries,
    @DefaultValue("6") int notYetKnownRetries) {}
