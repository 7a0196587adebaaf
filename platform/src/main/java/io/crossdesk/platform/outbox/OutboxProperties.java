package io.crossdesk.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for pending events besides being woken up
 * @param lease how long one instance holds a document while publishing its events
 * @param retryDelay how long a document whose events could not be published waits for the next try
 */
@ConfigurationProperties("crossdesk.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("5s") Duration retryDelay) {}
