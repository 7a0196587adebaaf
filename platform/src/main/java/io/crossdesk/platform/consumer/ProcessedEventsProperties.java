package io.crossdesk.platform.consumer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a consumer remembers that it processed an event; must exceed the
 *     retention of the topics it reads (Kafka's default is 7 days), or an event replayed from the
 *     topic's start would be processed again
 * @param purgeInterval how often records older than the retention are removed
 */
@ConfigurationProperties("crossdesk.processed-events")
public record ProcessedEventsProperties(
    @DefaultValue("8d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {}
