package io.crossdesk.platform.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps a collection of records that matter only for a while from growing forever. MongoDB expires
 * them by itself through a TTL index on their time field; servers that accept the index but never
 * expire anything (the embedded MongoDB-compatible server) are covered by a purge with the same
 * retention. Deleting what the TTL monitor already deleted is harmless.
 */
public class RetentionPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

  private final MongoTemplate mongo;
  private final String collection;
  private final String timeField;
  private final String ttlIndex;
  private final Duration retention;
  private final Duration interval;
  private final Clock clock;
  private volatile ScheduledExecutorService executor;

  /**
   * @param timeField when a record was written; it is kept for {@code retention} after that
   * @param interval how often records older than the retention are removed
   */
  public RetentionPurge(
      MongoTemplate mongo,
      String collection,
      String timeField,
      String ttlIndex,
      Duration retention,
      Duration interval,
      Clock clock) {
    this.mongo = mongo;
    this.collection = collection;
    this.timeField = timeField;
    this.ttlIndex = ttlIndex;
    this.retention = retention;
    this.interval = interval;
    this.clock = clock;
  }

  /** Removes the records older than the retention; returns how many. */
  public long purge() {
    Instant before = clock.instant().minus(retention);
    return mongo
        .remove(Query.query(Criteria.where(timeField).lt(Date.from(before))), collection)
        .getDeletedCount();
  }

  private void createTtlIndex() {
    try {
      mongo
          .indexOps(collection)
          .createIndex(
              new Index().on(timeField, Sort.Direction.ASC).expire(retention).named(ttlIndex));
    } catch (UncategorizedMongoDbException | DataIntegrityViolationException e) {
      // An index of that name with another retention exists: the purge still applies the new one.
      log.warn("Could not create the TTL index on {}: {}", collection, e.getMessage());
    }
  }

  private void purgeQuietly() {
    try {
      long purged = purge();
      if (purged > 0) {
        log.info("Purged {} records from {} older than {}", purged, collection, retention);
      }
    } catch (RuntimeException e) {
      log.warn("Purging {} failed, will retry: {}", collection, e.toString());
    }
  }

  @Override
  public void start() {
    createTtlIndex();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, collection + "-purge");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    executor = scheduler;
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = executor;
    if (scheduler != null) {
      scheduler.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
