package io.crossdesk.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Lets one instance at a time take over the events whose lease ran out, so that instances sweeping
 * together after an outage do not publish the same backlog several times. Held by renewing it; an
 * instance that stops renewing loses it when it expires.
 */
final class SweepLease {

  static final String COLLECTION = "outbox_sweeper";
  private static final String ID = "sweeper";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration lease;
  private final String holder;

  SweepLease(MongoTemplate mongo, Clock clock, Duration lease, String holder) {
    this.mongo = mongo;
    this.clock = clock;
    this.lease = lease;
    this.holder = holder;
  }

  /** True when this instance holds the sweep lease now (taken or renewed). */
  boolean acquire() {
    Instant now = clock.instant();
    Query freeOrMine =
        Query.query(
            Criteria.where("_id")
                .is(ID)
                .orOperator(Criteria.where("until").lt(now), Criteria.where("holder").is(holder)));
    Update take = new Update().set("holder", holder).set("until", now.plus(lease));
    if (mongo.findAndModify(freeOrMine, take, org.bson.Document.class, COLLECTION) != null) {
      return true;
    }
    if (mongo.exists(Query.query(Criteria.where("_id").is(ID)), COLLECTION)) {
      return false;
    }
    try {
      mongo.insert(
          new org.bson.Document("_id", ID)
              .append("holder", holder)
              .append("until", now.plus(lease)),
          COLLECTION);
      return true;
    } catch (DuplicateKeyException createdByAnother) {
      return false;
    }
  }
}
