package io.crossdesk.platform.consumer;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps the processed-event records from growing forever. MongoDB expires them by itself through a
 * TTL index on {@code processedAt}; servers that accept the index but never expire anything (the
 * embedded MongoDB-compatible server) are covered by a purge with the same retention. Deleting what
 * the TTL monitor already deleted is harmless.
 */
public class ProcessedEventsPurge implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);
  static final String TTL_INDEX = "processed_events_ttl";

  private final MongoTemplate mongo;
  private final ProcessedEventsProperties properties;
  private final Clock clock;
  private volatile ScheduledExecutorService executor;

  public ProcessedEventsPurge(
      MongoTemplate mongo, ProcessedEventsProperties properties, Clock clock) {
    this.mongo = mongo;
    this.properties = properties;
    this.clock = clock;
  }

  /** Removes the records older than the retention; returns how many. */
  public long purge() {
    Instant before = clock.instant().minus(properties.retention());
    return mongo
        .remove(
            Query.query(Criteria.where("processedAt").lt(Date.from(before))),
            IdempotentConsumer.COLLECTION)
        .getDeletedCount();
  }

  private void createTtlIndex() {
    try {
      mongo
          .indexOps(IdempotentConsumer.COLLECTION)
          .createIndex(
              new Index()
                  .on("processedAt", Sort.Direction.ASC)
                  .expire(properties.retention())
                  .named(TTL_INDEX));
    } catch (UncategorizedMongoDbException
        | org.springframework.dao.DataIntegrityViolationException e) {
      // An index of that name with another retention exists: the purge still applies the new one.
      log.warn("Could not create the TTL index on processed events: {}", e.getMessage());
    }
  }

  private void purgeQuietly() {
    try {
      long purged = purge();
      if (purged > 0) {
        log.info("Purged {} processed-event records older than {}", purged, properties.retention());
      }
    } catch (RuntimeException e) {
      log.warn("Purging processed events failed, will retry: {}", e.toString());
    }
  }

  @Override
  public void start() {
    createTtlIndex();
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "processed-events-purge");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.purgeInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
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
