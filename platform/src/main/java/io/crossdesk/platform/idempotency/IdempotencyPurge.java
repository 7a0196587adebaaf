package io.crossdesk.platform.idempotency;

import io.crossdesk.platform.retention.RetentionPurge;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Keeps Idempotency-Keys and their answers for their retention, and no longer. */
public class IdempotencyPurge extends RetentionPurge {

  static final String TTL_INDEX = "idempotency_keys_ttl";

  public IdempotencyPurge(MongoTemplate mongo, IdempotencyProperties properties, Clock clock) {
    super(
        mongo,
        IdempotencyStore.COLLECTION,
        IdempotencyStore.CREATED_AT,
        TTL_INDEX,
        properties.retention(),
        properties.purgeInterval(),
        clock);
  }
}
