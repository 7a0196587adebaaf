package io.crossdesk.platform.consumer;

import io.crossdesk.platform.retention.RetentionPurge;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Keeps the processed-event records for their retention, and no longer. */
public class ProcessedEventsPurge extends RetentionPurge {

  static final String TTL_INDEX = "processed_events_ttl";

  public ProcessedEventsPurge(
      MongoTemplate mongo, ProcessedEventsProperties properties, Clock clock) {
    super(
        mongo,
        IdempotentConsumer.COLLECTION,
        "processedAt",
        TTL_INDEX,
        properties.retention(),
        properties.purgeInterval(),
        clock);
  }
}
