package io.crossdesk.platform.outbox;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.crossdesk.platform.outbox.ParkedEvents.ParkedEvent;
import io.crossdesk.platform.outbox.PendingEvents.DeadWriter;
import io.crossdesk.platform.outbox.PendingEvents.Marker;
import io.crossdesk.platform.outbox.PendingEvents.Retry;
import io.crossdesk.platform.outbox.RelayBatch.Failure;
import io.crossdesk.platform.outbox.RelayBatch.Outcome;
import io.crossdesk.platform.outbox.RelayBatch.Published;
import io.crossdesk.platform.outbox.RelayBatch.Ref;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in outboxes and removes them, in batches.
 *
 * <p>Work is found without reading the aggregates' history: a writer of this instance queues the
 * document it just wrote ({@link #enqueue}), with the entries it stamped ({@link
 * PendingEvents#open}); they stay open in memory, and cost no command of their own, until the relay
 * has sent them together and seen the acknowledgements. An event whose publishing failed gets a
 * marker and is retried when it is due; the events of a writer that stopped renewing its lease (it
 * crashed) are recovered from its last told progress. Both are swept up by one instance at a time.
 *
 * <p>An event may be published twice (a crash after publishing, before the outbox is cleaned);
 * consumers are idempotent. An event that fails for a reason retrying cannot cure is parked in
 * {@link ParkedEvents} after {@code maxAttempts} tries, so it never blocks its document.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int QUEUE_CAPACITY = 100_000;
  private static final Duration GAUGE_INTERVAL = Duration.ofSeconds(5);
  private static final int MAX_SWEEP_BACKOFF = 8;
  private static final String OUTBOX = OutboxEntries.FIELD;

  /**
   * A written document; {@code outbox} is its whole outbox after the write, when the writer knows
   * it.
   */
  private record Queued(Ref ref, List<Document> outbox) {}

  private final MongoTemplate mongo;
  private final KafkaTemplate<String, String> kafka;
  private final PendingEvents pending;
  private final ParkedEvents parked;
  private final SweepLease sweepLease;
  private final String holder = "relay-" + UUID.randomUUID();
  private final OutboxProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Map<String, AtomicLong> pendingGauges = new ConcurrentHashMap<>();
  private final AtomicLong parkedGauge = new AtomicLong();
  private final Counter failures;
  private final Counter parkedCounter;
  private final Counter overflow;
  private final DistributionSummary batchSizes;
  private volatile Thread worker;
  private volatile boolean stopping;

  /** Markers of done events, waiting to be removed together; guarded by this relay. */
  private final List<String> doneMarkers = new ArrayList<>();

  /** When the oldest of {@link #doneMarkers} was added, by {@link System#nanoTime()}. */
  private long doneSince;

  public OutboxRelay(
      MongoTemplate mongo,
      KafkaTemplate<String, String> kafka,
      PendingEvents pending,
      ParkedEvents parked,
      OutboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.pending = pending;
    this.parked = parked;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    this.sweepLease = new SweepLease(mongo, clock, properties.lease(), holder);
    this.failures = meters.counter("crossdesk.outbox.publish.failures");
    this.parkedCounter = meters.counter("crossdesk.outbox.parked");
    this.overflow = meters.counter("crossdesk.outbox.queue.overflow");
    this.batchSizes =
        DistributionSummary.builder("crossdesk.outbox.batch.size")
            .description("Events per relay pass")
            .register(meters);
    Gauge.builder("crossdesk.outbox.parked.waiting", parkedGauge, AtomicLong::get)
        .description("Events parked for an operator")
        .register(meters);
    Gauge.builder("crossdesk.outbox.queue", queue, BlockingQueue::size)
        .description("Written documents queued for the relay of this instance")
        .register(meters);
  }

  /** Counts the pending events of one more aggregate collection on the outbox gauge. */
  public void follow(String collection) {
    pendingGauge(collection);
  }

  /**
   * Queues a document whose outbox just received events, for the next pass. Called by writers after
   * their write; when the queue is full the events stay open, and are published from their document
   * once they have waited half a lease.
   */
  public void enqueue(String collection, Object documentId) {
    offer(new Queued(new Ref(collection, documentId), null));
  }

  /**
   * Queues a document whose whole outbox the writer knows: it was empty before the write (an
   * insert, or a versioned update of a document read with nothing pending), so it holds exactly the
   * events just written. The relay then sends them without reading the document back.
   */
  public void enqueue(String collection, Object documentId, List<Document> outbox) {
    offer(new Queued(new Ref(collection, documentId), List.copyOf(outbox)));
  }

  private void offer(Queued queued) {
    if (!queue.offer(queued)) {
      overflow.increment();
    }
  }

  /**
   * Publishes up to a batch of what this instance's writers queued; returns the events published.
   */
  public int relayQueued() {
    List<Queued> taken = new ArrayList<>();
    queue.drainTo(taken, properties.batchSize());
    return relay(taken);
  }

  /**
   * Publishes what no instance is publishing: events whose retry is due, and those a crashed writer
   * may have left, if this instance holds the sweep lease; returns the events published.
   */
  public int sweep() {
    return sweepMarkers() + recoverLapsedWriters();
  }

  /** Publishes events whose marker's lease ran out (a retry is due, or a writer stopped). */
  private int sweepMarkers() {
    // Markers of events published a moment ago must not look expired to the sweep.
    removeDoneMarkers(true);
    pending.renew();
    List<Marker> expired = pending.expired(properties.batchSize());
    if (expired.isEmpty() || !sweepLease.acquire()) {
      return 0;
    }
    pending.claim(expired.stream().map(Marker::eventId).toList());
    Map<String, Marker> markers = new LinkedHashMap<>();
    Set<Ref> refs = new LinkedHashSet<>();
    for (Marker marker : expired) {
      markers.put(marker.eventId(), marker);
      refs.add(new Ref(marker.collection(), marker.aggregateId()));
    }
    return publish(refs, markers, Map.of());
  }

  /**
   * Publishes again what writers whose lease ran out without a release (they crashed) stamped since
   * they last told how far they were done, read from the aggregates of the collections they wrote
   * to: the one read that looks through aggregates, once per crashed instance. Each lapsed writer
   * is claimed first, so that one instance recovers it and the writer itself, were it only slow,
   * can no longer renew it. An event it published after its last tell goes out twice, which
   * consumers take once.
   */
  private int recoverLapsedWriters() {
    int published = 0;
    for (DeadWriter writer : pending.claimLapsed(holder)) {
      int[] count = {0};
      for (String collection : writer.collections()) {
        Map<Ref, List<Document>> left = new LinkedHashMap<>();
        Bson stampedByIt =
            Filters.and(
                Filters.eq(PendingEvents.WRITER, writer.id()),
                Filters.gte(PendingEvents.STAMPED, Date.from(writer.doneBefore())));
        mongo
            .getCollection(collection)
            .find(Filters.elemMatch(OUTBOX, stampedByIt))
            .projection(Projections.include(OUTBOX))
            .forEach(
                document -> {
                  List<Document> entries =
                      document.getList(OUTBOX, Document.class, List.of()).stream()
                          .filter(entry -> isLeftBy(writer, entry))
                          .toList();
                  if (!entries.isEmpty()) {
                    left.put(new Ref(collection, document.get("_id")), entries);
                  }
                  if (left.size() >= properties.batchSize()) {
                    count[0] += publishLeft(left);
                  }
                });
        count[0] += publishLeft(left);
      }
      pending.released(writer.id());
      published += count[0];
      log.warn(
          "Outbox writer {} stopped renewing its lease: {} events it stamped since its last told"
              + " progress published again",
          writer.id(),
          count[0]);
    }
    return published;
  }

  private static boolean isLeftBy(DeadWriter writer, Document entry) {
    Date stamped = entry.getDate(PendingEvents.STAMPED);
    return writer.id().equals(entry.getString(PendingEvents.WRITER))
        && stamped != null
        && !stamped.toInstant().isBefore(writer.doneBefore());
  }

  private int publishLeft(Map<Ref, List<Document>> left) {
    if (left.isEmpty()) {
      return 0;
    }
    int published = publish(new LinkedHashSet<>(left.keySet()), Map.of(), new HashMap<>(left));
    left.clear();
    return published;
  }

  /**
   * Publishes, from their documents, this instance's events that stayed open for half a lease (a
   * pass failed midway, the queue was full, or their write failed without saying whether it
   * happened); those whose write returned and no document holds were never written.
   */
  private int rescueOpen() {
    Map<Ref, List<String>> open = pending.openLongerThan(properties.lease().dividedBy(2));
    if (open.isEmpty()) {
      return 0;
    }
    Map<Ref, List<Document>> held = new LinkedHashMap<>();
    for (Map.Entry<String, List<Ref>> group : byCollection(open.keySet()).entrySet()) {
      held.putAll(load(group.getKey(), group.getValue()));
    }
    List<String> unwritten = new ArrayList<>();
    open.forEach(
        (ref, eventIds) -> {
          Set<String> stored = new HashSet<>();
          held.getOrDefault(ref, List.of())
              .forEach(entry -> stored.add(entry.getString("eventId")));
          eventIds.stream().filter(id -> !stored.contains(id)).forEach(unwritten::add);
        });
    pending.abandon(unwritten);
    return publish(new LinkedHashSet<>(held.keySet()), Map.of(), Map.of());
  }

  /** Publishes everything this instance queued and everything due; for tests and operators. */
  public synchronized int relayAll() {
    int published = 0;
    while (!queue.isEmpty()) {
      published += relayQueued();
    }
    int swept;
    while ((swept = sweep()) > 0) {
      published += swept;
    }
    published += rescueOpen();
    removeDoneMarkers(true);
    refreshGauges();
    return published;
  }

  private synchronized int relay(List<Queued> taken) {
    if (taken.isEmpty()) {
      return 0;
    }
    Set<Ref> refs = new LinkedHashSet<>();
    // What writers handed over, in write order; a document queued once without it is read back.
    Map<Ref, List<Document>> known = new HashMap<>();
    Set<Ref> toRead = new HashSet<>();
    for (Queued queued : taken) {
      refs.add(queued.ref());
      if (queued.outbox() == null) {
        toRead.add(queued.ref());
      } else {
        // Published from its document meanwhile (it waited half a lease), or marked for a retry.
        List<Document> stillOpen =
            queued.outbox().stream()
                .filter(entry -> pending.isOpen(entry.getString("eventId")))
                .toList();
        known.computeIfAbsent(queued.ref(), ref -> new ArrayList<>()).addAll(stillOpen);
      }
    }
    known.keySet().removeAll(toRead);
    return publish(refs, Map.of(), known);
  }

  private synchronized int publish(
      Set<Ref> refs, Map<String, Marker> claimed, Map<Ref, List<Document>> known) {
    if (refs.isEmpty()) {
      return 0;
    }
    RelayBatch batch = new RelayBatch(kafka);
    Set<String> seen = new HashSet<>();
    Map<Ref, List<Document>> outboxes = new LinkedHashMap<>();
    List<Ref> toRead = refs.stream().filter(ref -> !known.containsKey(ref)).toList();
    for (Map.Entry<String, List<Ref>> group : byCollection(toRead).entrySet()) {
      outboxes.putAll(load(group.getKey(), group.getValue()));
    }
    // Published events stay in an outbox until the aggregate's next write: only pending ones go;
    // the sweep takes those with a marker, as their writers may be publishing the others.
    Set<String> marked = claimed.isEmpty() ? Set.of() : markedAmong(outboxes.values());
    for (Ref ref : refs) {
      List<Document> outbox =
          known.containsKey(ref)
              ? known.get(ref)
              : claimed.isEmpty()
                  ? pending.stillPending(outboxes.getOrDefault(ref, List.of()))
                  : outboxes.getOrDefault(ref, List.of()).stream()
                      .filter(entry -> marked.contains(entry.getString("eventId")))
                      .toList();
      if (outbox != null && !outbox.isEmpty()) {
        outbox.forEach(entry -> seen.add(entry.getString("eventId")));
        batch.send(ref, outbox);
      }
    }
    if (batch.size() > 0) {
      batchSizes.record(batch.size());
    }
    Outcome outcome;
    try {
      outcome = batch.await(Instant.now().plus(properties.lease()));
    } catch (InterruptedException stopped) {
      // Abandoned: the events stay open, and the stop marks them for the next start.
      Thread.currentThread().interrupt();
      return 0;
    }
    // Markers of events no outbox holds: their write failed, or they were published already.
    List<String> done = new ArrayList<>();
    claimed.keySet().stream().filter(id -> !seen.contains(id)).forEach(done::add);
    writeBack(outcome, done);
    return outcome.published().size();
  }

  private Set<String> markedAmong(Collection<List<Document>> outboxes) {
    List<String> eventIds = new ArrayList<>();
    outboxes.forEach(outbox -> outbox.forEach(entry -> eventIds.add(entry.getString("eventId"))));
    return eventIds.isEmpty() ? Set.of() : pending.find(eventIds).keySet();
  }

  private Map<String, List<Ref>> byCollection(Collection<Ref> refs) {
    Map<String, List<Ref>> groups = new LinkedHashMap<>();
    refs.forEach(ref -> groups.computeIfAbsent(ref.collection(), c -> new ArrayList<>()).add(ref));
    return groups;
  }

  /** The outboxes of the documents, by id, in the order asked; a missing document has none. */
  private Map<Ref, List<Document>> load(String collection, List<Ref> refs) {
    Map<Object, List<Document>> byId = new HashMap<>();
    mongo
        .getCollection(collection)
        .find(Filters.in("_id", refs.stream().map(Ref::id).toList()))
        .projection(Projections.include(OutboxEntries.FIELD))
        .forEach(
            document -> {
              List<Document> outbox = document.getList(OutboxEntries.FIELD, Document.class);
              byId.put(document.get("_id"), outbox == null ? List.of() : outbox);
            });
    Map<Ref, List<Document>> outboxes = new LinkedHashMap<>();
    for (Ref ref : refs) {
      List<Document> outbox = byId.get(ref.id());
      if (outbox != null && !outbox.isEmpty()) {
        outboxes.put(ref, outbox);
      }
    }
    return outboxes;
  }

  /**
   * Parks what cannot be published before its marker goes: a crash at any point leaves an event
   * published twice at worst, never lost. Published and parked events are not pulled from their
   * outboxes here, which would rewrite a whole aggregate document per event: without a marker they
   * are done, and the aggregate store drops them at the aggregate's next write.
   */
  private void writeBack(Outcome outcome, List<String> doneMarkers) {
    List<String> removed = new ArrayList<>(doneMarkers);
    List<String> done = new ArrayList<>();
    for (Published published : outcome.published()) {
      String eventId = published.event().eventId();
      done.add(eventId);
      meters
          .counter(
              "crossdesk.outbox.published",
              "topic",
              published.event().topic(),
              "type",
              published.event().type())
          .increment();
    }
    List<ParkedEvent> toPark = new ArrayList<>();
    List<Retry> retries = new ArrayList<>();
    if (!outcome.failures().isEmpty()) {
      failures.increment(outcome.failures().size());
      Map<String, Marker> markers =
          pending.find(outcome.failures().stream().map(Failure::eventId).toList());
      Instant now = clock.instant();
      for (Failure failure : outcome.failures()) {
        Marker marker = markers.get(failure.eventId());
        int tries = (marker == null ? 0 : marker.attempts()) + 1;
        if (!failure.retriable() && tries >= properties.maxAttempts()) {
          toPark.add(parkedOf(failure, tries, now));
          done.add(failure.eventId());
        } else {
          retries.add(
              new Retry(
                  failure.eventId(),
                  failure.ref().collection(),
                  failure.ref().id(),
                  now.plus(properties.retryDelayAfter(tries)),
                  failure.reason()));
        }
      }
      log.warn(
          "Outbox relay: {} of {} events not published ({} parked), first reason: {}",
          outcome.failures().size(),
          outcome.failures().size() + outcome.published().size(),
          toPark.size(),
          outcome.failures().get(0).reason());
    }
    parked.park(toPark);
    parkedCounter.increment(toPark.size());
    removed.addAll(pending.done(done));
    removeLater(removed);
    pending.postpone(retries);
  }

  /**
   * Published and parked events that had a marker (retried, or swept) need it no more. Removing
   * them is one delete per pass, so they are gathered and removed together once {@code
   * markerRemovalDelay} has passed or a batch has gathered.
   */
  private void removeLater(List<String> done) {
    if (done.isEmpty()) {
      return;
    }
    if (doneMarkers.isEmpty()) {
      doneSince = System.nanoTime();
    }
    doneMarkers.addAll(done);
    removeDoneMarkers(doneMarkers.size() >= properties.batchSize());
  }

  /** Removes the gathered markers when they are due, or at once when {@code now}. */
  private synchronized void removeDoneMarkers(boolean now) {
    if (doneMarkers.isEmpty() || !(now || nanosUntilRemoval() <= 0)) {
      return;
    }
    pending.remove(List.copyOf(doneMarkers));
    doneMarkers.clear();
  }

  /** How long the gathered markers may still wait; no wait when there are none. */
  private synchronized long nanosUntilRemoval() {
    return doneMarkers.isEmpty()
        ? Long.MAX_VALUE
        : properties.markerRemovalDelay().toNanos() - (System.nanoTime() - doneSince);
  }

  private static ParkedEvent parkedOf(Failure failure, int attempts, Instant now) {
    return new ParkedEvent(
        failure.eventId(),
        failure.ref().collection(),
        String.valueOf(failure.ref().id()),
        failure.event() == null ? failure.entry().getString("topic") : failure.event().topic(),
        failure.event() == null ? failure.entry().getString("type") : failure.event().type(),
        failure.reason(),
        attempts,
        now,
        failure.entry());
  }

  private void refreshGauges() {
    Map<String, Long> counts = pending.countByCollection();
    counts.keySet().forEach(this::pendingGauge);
    pendingGauges.forEach((collection, gauge) -> gauge.set(counts.getOrDefault(collection, 0L)));
    parkedGauge.set(parked.count());
  }

  private AtomicLong pendingGauge(String collection) {
    return pendingGauges.computeIfAbsent(
        collection,
        c -> {
          AtomicLong count = new AtomicLong();
          Gauge.builder("crossdesk.outbox.pending", count, AtomicLong::get)
              .description(
                  "Events this instance wrote and has not published yet, and events waiting for a retry")
              .tag("collection", c)
              .register(meters);
          return count;
        });
  }

  private void work() {
    long nextSweep = 0;
    long nextGauges = 0;
    long nextRecovery = 0;
    int sweepBackoff = 1;
    while (!stopping) {
      try {
        long wait = Math.max(0, Math.min(properties.pollInterval().toNanos(), nanosUntilRemoval()));
        Queued first = queue.poll(wait, TimeUnit.NANOSECONDS);
        if (first != null) {
          List<Queued> taken = new ArrayList<>();
          taken.add(first);
          queue.drainTo(taken, properties.batchSize() - 1);
          relay(taken);
        }
        removeDoneMarkers(false);
        pending.renew();
        if (System.nanoTime() - nextSweep >= 0) {
          // Sweeping reads the backlog: when it finds nothing, look less often.
          sweepBackoff = sweepMarkers() > 0 ? 1 : Math.min(sweepBackoff * 2, MAX_SWEEP_BACKOFF);
          nextSweep = System.nanoTime() + properties.pollInterval().toNanos() * sweepBackoff;
        }
        if (System.nanoTime() - nextRecovery >= 0) {
          recoverLapsedWriters();
          rescueOpen();
          nextRecovery = System.nanoTime() + properties.lease().toNanos() / 6;
        }
        if (System.nanoTime() - nextGauges >= 0) {
          refreshGauges();
          nextGauges = System.nanoTime() + GAUGE_INTERVAL.toNanos();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("Outbox relay pass failed, will retry: {}", e.toString());
        pause(properties.retryDelay());
      }
    }
    drainQueue();
  }

  /**
   * On a graceful stop: publish what was queued, within the stop timeout, remove the markers, mark
   * what is still open and release the writer.
   */
  private void drainQueue() {
    long deadline = System.nanoTime() + properties.stopTimeout().toNanos();
    try {
      while (!queue.isEmpty() && System.nanoTime() < deadline && !Thread.interrupted()) {
        relayQueued();
      }
    } catch (RuntimeException e) {
      log.warn(
          "Outbox relay could not publish all queued events before stopping: {}", e.toString());
    }
    try {
      removeDoneMarkers(true);
    } catch (RuntimeException e) {
      log.warn("Outbox relay could not remove the markers of published events: {}", e.toString());
    }
    try {
      pending.release();
    } catch (RuntimeException e) {
      log.warn(
          "Outbox relay could not release its writer; another instance recovers it once its lease"
              + " runs out: {}",
          e.toString());
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    stopping = false;
    Thread thread = new Thread(this::work, "outbox-relay");
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  /**
   * Lets the pass in flight finish and publishes what is queued, within the stop timeout; then
   * abandons the rest, which gets markers for the next start or another instance.
   */
  @Override
  public void stop() {
    Thread thread = worker;
    if (thread == null) {
      return;
    }
    stopping = true;
    try {
      thread.join(properties.stopTimeout().toMillis());
      if (thread.isAlive()) {
        log.warn(
            "Outbox relay did not finish within {}; abandoning its sends",
            properties.stopTimeout());
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker = null;
  }

  /** Stops after the web server and the listeners, which may still save state changes. */
  @Override
  public int getPhase() {
    return 0;
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }
}
