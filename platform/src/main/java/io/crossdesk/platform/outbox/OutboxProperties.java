package io.crossdesk.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for pending events besides being woken up
 * @param lease how long one instance holds a document while publishing its events
 */
@ConfigurationProperties("crossdesk.outbox")
public record OutboxProperties(
    @DefaultValue("500ms") Duration pollInterval, @DefaultValue("30s") Duration lease) {}
