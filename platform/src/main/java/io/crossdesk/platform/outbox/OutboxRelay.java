package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.EventMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in the outboxes of the given collections, then removes them. A
 * document is leased while its events are in flight so that several instances do not publish the
 * same events at once; a crash leaves the events in place and the lease expires. A document whose
 * events cannot be published keeps a lease for {@code retryDelay}, so the documents behind it go
 * first. An event may be published twice (crash after publish, before removal); consumers are
 * idempotent.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  static final String LEASE = "outboxLease";

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final List<String> collections;
  private final Duration pollInterval;
  private final Duration lease;
  private final Duration retryDelay;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter failures;
  private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
  private volatile ScheduledExecutorService executor;

  public OutboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      List<String> collections,
      OutboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.collections = List.copyOf(collections);
    this.pollInterval = properties.pollInterval();
    this.lease = properties.lease();
    this.retryDelay = properties.retryDelay();
    this.clock = clock;
    this.meters = meters;
    this.failures = meters.counter("crossdesk.outbox.publish.failures");
    for (String collection : this.collections) {
      AtomicLong count = new AtomicLong();
      pending.put(collection, count);
      Gauge.builder("crossdesk.outbox.pending", count, AtomicLong::get)
          .description("Documents whose outbox still holds unpublished events")
          .tag("collection", collection)
          .register(meters);
    }
  }

  /** Asks for a relay pass soon, instead of at the next poll: called after a state change. */
  public void wakeUp() {
    ScheduledExecutorService running = executor;
    if (running != null && wakeUpQueued.compareAndSet(false, true)) {
      try {
        running.execute(
            () -> {
              wakeUpQueued.set(false);
              relayAll();
            });
      } catch (RejectedExecutionException stopping) {
        // Shutting down: the events stay in the outbox and the next start publishes them.
        wakeUpQueued.set(false);
      }
    }
  }

  /** Publishes everything pending now; returns the number of events published. */
  public synchronized int relayAll() {
    int published = 0;
    for (String collection : collections) {
      try {
        Document document;
        while ((document = claim(collection)) != null) {
          published += publish(collection, document);
        }
        pending.get(collection).set(mongo.count(pendingQuery(), collection));
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("Outbox relay of {} failed, will retry: {}", collection, e.toString());
      }
    }
    return published;
  }

  private Document claim(String collection) {
    Instant now = clock.instant();
    Query query =
        pendingQuery()
            .addCriteria(
                new Criteria()
                    .orOperator(Criteria.where(LEASE).is(null), Criteria.where(LEASE).lt(now)));
    return mongo.findAndModify(
        query,
        new Update().set(LEASE, now.plus(lease)),
        FindAndModifyOptions.options().returnNew(true),
        Document.class,
        collection);
  }

  private int publish(String collection, Document document) {
    List<Document> raw = document.getList(HasOutbox.FIELD, Document.class);
    List<String> published = new ArrayList<>();
    boolean failed = true;
    try {
      for (Document entry : raw) {
        EventMessage event = mongo.getConverter().read(EventMessage.class, entry);
        kafka.send(CloudEventsBinding.toRecord(event)).get(10, TimeUnit.SECONDS);
        published.add(event.eventId());
        meters
            .counter("crossdesk.outbox.published", "topic", event.topic(), "type", event.type())
            .increment();
      }
      failed = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (Exception e) {
      throw new IllegalStateException("publishing from " + collection + " failed", e);
    } finally {
      Update done =
          failed
              ? new Update().set(LEASE, clock.instant().plus(retryDelay))
              : new Update().unset(LEASE);
      if (!published.isEmpty()) {
        done.pull(HasOutbox.FIELD, Query.query(Criteria.where("eventId").in(published)));
      }
      // Only while the lease is still ours: after it expired another instance may hold it.
      mongo.updateFirst(
          Query.query(
              Criteria.where("_id").is(document.get("_id")).and(LEASE).is(document.get(LEASE))),
          done,
          collection);
    }
    return published.size();
  }

  private static Query pendingQuery() {
    return Query.query(Criteria.where(HasOutbox.FIELD + ".0").exists(true));
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::relayAll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  /** Stops after the web server and the listeners, which may still save state changes. */
  @Override
  public int getPhase() {
    return 0;
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
