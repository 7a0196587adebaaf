package io.crossdesk.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.RelayBatch.Ref;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which events are still waiting in outboxes, found without looking through the aggregates.
 *
 * <p>An event this instance writes costs no command of its own. Its outbox entry names its writer
 * (this instance, under a lease it renews in {@code outbox_writers}) and when the writer stamped
 * it; until the relay has published it, the event is open in this instance's memory. The writer's
 * lease document says up to when everything it stamped is done ({@code doneBefore}), so any
 * instance tells an entry still waiting from one published long ago, and a writer that stops
 * renewing its lease (it crashed) is recovered by another instance, which publishes what it may
 * have left.
 *
 * <p>What is not published at once gets a marker in {@code outbox_pending}, one small document per
 * event keyed by its id: an event whose publishing failed and waits for its retry, or one left open
 * at a graceful stop. That collection holds only such a backlog, never the history; only the sweep
 * for expired marker leases filters on another field.
 */
public class PendingEvents {

  private static final Logger log = LoggerFactory.getLogger(PendingEvents.class);

  static final String COLLECTION = "outbox_pending";
  static final String WRITERS = "outbox_writers";
  static final String AGGREGATE_COLLECTION = "collection";
  static final String AGGREGATE_ID = "aggregateId";
  static final String LEASE = "lease";
  static final String ATTEMPTS = "attempts";
  static final String LAST_ERROR = "lastError";

  /** The field of an outbox entry that names the instance that wrote it. */
  public static final String WRITER = "writer";

  /** The field of an outbox entry that says when its writer stamped it, on the writer's clock. */
  public static final String STAMPED = "stamped";

  static final String UNTIL = "until";
  static final String DONE_BEFORE = "doneBefore";
  static final String RELEASED = "released";
  static final String COLLECTIONS = "collections";
  static final String RECOVERING = "recovering";

  /** How often at most a busy writer tells how far it is done, in milliseconds. */
  static final long PROGRESS_INTERVAL_MILLIS = 1_000;

  /**
   * The same while other instances write to the same collections: they read the progress to tell an
   * entry of this writer still waiting (which they publish too, to keep an aggregate's events in
   * order) from one published a moment ago.
   */
  static final long PROGRESS_INTERVAL_SHARED_MILLIS = 100;

  /** How long a writer that stopped or was recovered is remembered. */
  static final Duration RELEASED_KEPT = Duration.ofDays(7);

  /** A pending event: where it waits and how often publishing it failed. */
  public record Marker(String eventId, String collection, Object aggregateId, int attempts) {}

  /** An event this instance stamped and has not seen done. */
  private record Open(String collection, Object aggregateId, long stamped) {}

  /** A writer as last read: everything it stamped before {@code doneBefore} is done. */
  private record Writer(long doneBefore, long until, boolean released) {}

  /**
   * A writer whose lease ran out: what it stamped in {@code collections} from {@code doneBefore} on
   * may be waiting.
   */
  public record DeadWriter(String id, Instant doneBefore, List<String> collections) {}

  /** How many done events this instance remembers: minutes of events at a busy desk's rate. */
  static final int REMEMBERED = 20_000;

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Clock leaseClock;
  private final Duration lease;

  /**
   * Events this instance saw done (published or parked), newest last. An aggregate's next write
   * asks which of its outbox entries are still pending; these are answered without a look-up.
   */
  private final Map<String, Boolean> removed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** This instance's open events, and their stamps counted for the oldest; guarded by this. */
  private final Map<String, Open> open = new HashMap<>();

  private final TreeMap<Long, Integer> openStamps = new TreeMap<>();

  /** Open events whose write has not returned yet: nobody can tell yet whether it happened. */
  private final Set<String> inFlight = new HashSet<>();

  private final Map<String, Writer> writers = new ConcurrentHashMap<>();
  private final Set<String> collections = new HashSet<>();
  private String writerId;
  private long lastStamp;
  private boolean stampedSinceTold;

  /** Whether another live writer was seen at the last look at the writers. */
  private volatile boolean othersWriting;

  private long leaseUntil;
  private long toldDoneBefore = -1;
  private long toldAt;

  /**
   * @param clock the clock of marker leases and retry times
   * @param leaseClock the clock of writer leases and stamps: real time, since it tells whether a
   *     process is alive
   */
  public PendingEvents(MongoTemplate mongo, Clock clock, Clock leaseClock, Duration lease) {
    this.mongo = mongo;
    this.clock = clock;
    this.leaseClock = leaseClock;
    this.lease = lease;
  }

  public PendingEvents(MongoTemplate mongo, Clock clock, Duration lease) {
    this(mongo, clock, clock, lease);
  }

  /** The id this instance stamps its outbox entries with now; null before its first. */
  public synchronized String writer() {
    return writerId;
  }

  /**
   * The outbox entries of events about to be written to {@code collection}'s document {@code
   * aggregateId}, stamped with this writer; they stay open until {@link #done}, {@link #abandon} or
   * {@link #postpone}. Renews the writer's lease first when a third of it is left, so that nothing
   * is stamped under a lease another instance may take for lapsed.
   */
  public List<Document> open(String collection, Object aggregateId, List<EventMessage> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<Document> entries = new ArrayList<>(events.size());
    synchronized (this) {
      long now = Math.max(lastStamp, leaseClock.millis());
      if (writerId == null || now > leaseUntil - lease.toMillis() / 3) {
        renewNow(now);
      }
      if (!collections.contains(collection)) {
        // Where a recovery would look for what this writer left, told before it is written.
        writers()
            .updateOne(
                Filters.eq("_id", writerId),
                new Document("$addToSet", new Document(COLLECTIONS, collection)));
        collections.add(collection);
      }
      lastStamp = now;
      stampedSinceTold = true;
      Date stamped = new Date(now);
      for (EventMessage event : events) {
        entries.add(OutboxEntries.write(event).append(WRITER, writerId).append(STAMPED, stamped));
        // Opened again (a write decided again with the same event): counted once, stamped now.
        close(event.eventId());
        open.put(event.eventId(), new Open(collection, aggregateId, now));
        openStamps.merge(now, 1, Integer::sum);
        inFlight.add(event.eventId());
      }
    }
    synchronized (removed) {
      events.forEach(event -> removed.remove(event.eventId()));
    }
    return entries;
  }

  /** The events' write did not happen: they wait nowhere. */
  public synchronized void abandon(Collection<String> eventIds) {
    eventIds.forEach(this::close);
  }

  /**
   * The events' write returned: it happened, or it failed in a way that does not say whether it
   * happened (the connection broke after it was sent). Either way their document now tells, so the
   * events stay open and the relay may look for them there once they have waited half a lease; a
   * write that surely did not happen is {@link #abandon}ed instead.
   */
  public synchronized void returned(Collection<String> eventIds) {
    inFlight.removeAll(eventIds);
  }

  /** Whether this instance stamped the event and has not seen it done. */
  public synchronized boolean isOpen(String eventId) {
    return open.containsKey(eventId);
  }

  /**
   * Remembers these events as done (published or parked), so that their aggregate's next write
   * needs no look-up for them; returns those that may have a marker to remove (all but the ones
   * this instance stamped and saw done without one).
   */
  public List<String> done(Collection<String> eventIds) {
    List<String> maybeMarked = new ArrayList<>();
    synchronized (this) {
      for (String eventId : eventIds) {
        if (!close(eventId)) {
          maybeMarked.add(eventId);
        }
      }
    }
    synchronized (removed) {
      eventIds.forEach(eventId -> removed.put(eventId, Boolean.TRUE));
    }
    return maybeMarked;
  }

  /** Closes an open event; false when it was not open. Callers hold this object's lock. */
  private boolean close(String eventId) {
    Open was = open.remove(eventId);
    inFlight.remove(eventId);
    if (was == null) {
      return false;
    }
    openStamps.computeIfPresent(was.stamped(), (stamp, count) -> count > 1 ? count - 1 : null);
    return true;
  }

  /**
   * The entries of a stored outbox still waiting to be published, in outbox order: this instance's
   * open ones; another writer's stamped since it last told how far it is done; and any with a
   * marker (a retry waits). Published entries stay in an outbox until the aggregate's next write,
   * which drops them.
   */
  public List<Document> stillPending(List<Document> outbox) {
    if (outbox.isEmpty()) {
      return List.of();
    }
    Set<String> waiting = new HashSet<>();
    List<String> toLookUp = new ArrayList<>();
    List<Document> othersToAsk = new ArrayList<>();
    synchronized (this) {
      for (Document entry : outbox) {
        String eventId = entry.getString("eventId");
        String writer = entry.getString(WRITER);
        if (open.containsKey(eventId)) {
          waiting.add(eventId);
        } else if (writer != null && !writer.equals(writerId) && entry.get(STAMPED) != null) {
          othersToAsk.add(entry);
        } else {
          toLookUp.add(eventId);
        }
      }
    }
    for (Document entry : othersToAsk) {
      if (doneBefore(entry.getString(WRITER), entry.getDate(STAMPED).getTime())) {
        toLookUp.add(entry.getString("eventId"));
      } else {
        waiting.add(entry.getString("eventId"));
      }
    }
    waiting.addAll(find(toLookUp).keySet());
    return outbox.stream().filter(entry -> waiting.contains(entry.getString("eventId"))).toList();
  }

  /**
   * Whether another writer is done with what it stamped at {@code stamped}, by what it last told; a
   * writer not known yet, or not done that far when last read, is read again.
   */
  private boolean doneBefore(String writer, long stamped) {
    Writer known = writers.get(writer);
    if (known == null || (!known.released() && stamped >= known.doneBefore())) {
      known = readWriter(writer);
    }
    return known.released() || stamped < known.doneBefore();
  }

  private Writer readWriter(String id) {
    Document found = writers().find(Filters.eq("_id", id)).first();
    // A writer no longer listed stopped or was recovered long ago: everything it stamped is done.
    Writer writer = found == null ? new Writer(Long.MAX_VALUE, 0, true) : toWriter(found);
    writers.put(id, writer);
    return writer;
  }

  private static Writer toWriter(Document document) {
    Date doneBefore = document.getDate(DONE_BEFORE);
    Date until = document.getDate(UNTIL);
    return new Writer(
        doneBefore == null ? 0 : doneBefore.getTime(),
        until == null ? 0 : until.getTime(),
        Boolean.TRUE.equals(document.getBoolean(RELEASED)));
  }

  /**
   * Renews this writer's lease when two thirds of it are left, and tells how far the writer is done
   * when that moved: at most once a second, or ten times while other instances write as well.
   * Called by the relay between its passes.
   */
  public synchronized void renew() {
    if (writerId == null) {
      return;
    }
    long now = Math.max(lastStamp, leaseClock.millis());
    long doneBefore = doneBeforeNow(now);
    boolean leaseLow = now > leaseUntil - lease.toMillis() * 2 / 3;
    // Worth telling only when something stamped since the last tell is done now; at most once a
    // second, so that a quiet desk's events, published one by one, cost one write a second at most.
    long interval = othersWriting ? PROGRESS_INTERVAL_SHARED_MILLIS : PROGRESS_INTERVAL_MILLIS;
    boolean moved = doneBefore > toldDoneBefore && stampedSinceTold && now - toldAt >= interval;
    if (leaseLow || moved) {
      renewNow(now);
    }
  }

  /**
   * This instance's events open since before {@code age} ago, by the document that should hold
   * them: a pass that failed midway, or a full queue, left them, and the relay publishes them from
   * their documents rather than leave them to a recovery that never comes while this instance
   * lives.
   */
  synchronized Map<Ref, List<String>> openLongerThan(Duration age) {
    long before = leaseClock.millis() - age.toMillis();
    if (openStamps.isEmpty() || openStamps.firstKey() >= before) {
      return Map.of();
    }
    Map<Ref, List<String>> refs = new LinkedHashMap<>();
    open.forEach(
        (eventId, event) -> {
          if (event.stamped() < before && !inFlight.contains(eventId)) {
            refs.computeIfAbsent(
                    new Ref(event.collection(), event.aggregateId()), ref -> new ArrayList<>())
                .add(eventId);
          }
        });
    return refs;
  }

  /** Everything stamped before this is done: the oldest open stamp, or now. */
  private long doneBeforeNow(long now) {
    return openStamps.isEmpty() ? now : openStamps.firstKey();
  }

  /**
   * Renews the lease and tells how far this writer is done; takes a new writer id when it has none,
   * or when another instance recovered this one meanwhile (its lease had run out). Callers hold
   * this object's lock.
   */
  private void renewNow(long now) {
    long doneBefore = doneBeforeNow(now);
    Date until = new Date(now + lease.toMillis());
    // Nothing is stamped from now on before what is told here, even if the clock steps back.
    lastStamp = Math.max(lastStamp, now);
    boolean renewed =
        writerId != null
            && writers()
                    .updateOne(
                        // Not once another instance claimed it for lapsed, nor once released.
                        Filters.and(
                            Filters.eq("_id", writerId),
                            Filters.eq(RELEASED, false),
                            Filters.exists(RECOVERING, false)),
                        new Document(
                            "$set",
                            new Document(UNTIL, until).append(DONE_BEFORE, new Date(doneBefore))))
                    .getMatchedCount()
                > 0;
    if (!renewed) {
      if (writerId != null) {
        // Recovered by another instance: what is open now it published, or this relay publishes.
        log.warn("Outbox writer {} was taken for lapsed; writing as a new one", writerId);
      }
      String id = "writer-" + UUID.randomUUID();
      writers()
          .insertOne(
              new Document("_id", id)
                  .append(UNTIL, until)
                  .append(DONE_BEFORE, new Date(doneBefore))
                  .append(COLLECTIONS, List.copyOf(collections))
                  .append(RELEASED, false));
      writerId = id;
    }
    leaseUntil = now + lease.toMillis();
    toldDoneBefore = doneBefore;
    toldAt = now;
    stampedSinceTold = false;
  }

  /**
   * Stops writing: events still open get a marker due now, so that any instance publishes them, and
   * the writer is released, so that nobody needs to recover it.
   */
  public void release() {
    List<Retry> left = new ArrayList<>();
    String id;
    synchronized (this) {
      id = writerId;
      if (id == null) {
        return;
      }
      // A write after this stamps under a new writer, whose lease no relay renews: it is recovered.
      writerId = null;
      Instant now = clock.instant();
      open.forEach(
          (eventId, event) ->
              left.add(
                  new Retry(
                      eventId,
                      event.collection(),
                      event.aggregateId(),
                      now,
                      "left open when its writer stopped")));
    }
    postpone(left);
    released(id);
  }

  /** Marks a writer released: nothing it stamped waits for it any more. */
  public void released(String writer) {
    writers()
        .updateOne(
            Filters.eq("_id", writer),
            new Document(
                "$set",
                new Document(RELEASED, true)
                    .append(UNTIL, new Date(leaseClock.millis()))
                    .append(DONE_BEFORE, new Date(Long.MAX_VALUE))));
    writers.put(writer, new Writer(Long.MAX_VALUE, 0, true));
  }

  /**
   * Claims for {@code claimant} the writers whose lease ran out without a release (they crashed):
   * what they stamped from their last told {@code doneBefore} on may wait unpublished. A claimed
   * writer can no longer renew its lease (were it only slow, it goes on under a new id), its events
   * still count as waiting until {@link #released}, and another claimant takes it over only once
   * this claim's lease has run out too. Forgets writers released a week ago.
   */
  public List<DeadWriter> claimLapsed(String claimant) {
    long now = leaseClock.millis();
    String me = writer();
    List<DeadWriter> claimed = new ArrayList<>();
    List<String> forgotten = new ArrayList<>();
    boolean[] others = {false};
    writers()
        .find()
        .forEach(
            document -> {
              String id = document.getString("_id");
              Writer writer = toWriter(document);
              writers.put(id, writer);
              others[0] |= !writer.released() && writer.until() >= now && !id.equals(me);
              if (writer.released()) {
                if (writer.until() < now - RELEASED_KEPT.toMillis()) {
                  forgotten.add(id);
                }
              } else if (writer.until() < now
                  && !id.equals(me)
                  && writers()
                          .updateOne(
                              Filters.and(
                                  Filters.eq("_id", id),
                                  Filters.eq(RELEASED, false),
                                  Filters.lt(UNTIL, new Date(now))),
                              new Document(
                                  "$set",
                                  new Document(RECOVERING, claimant)
                                      .append(UNTIL, new Date(now + lease.toMillis()))))
                          .getMatchedCount()
                      > 0) {
                claimed.add(
                    new DeadWriter(
                        id,
                        Instant.ofEpochMilli(writer.doneBefore()),
                        document.getList(COLLECTIONS, String.class, List.of())));
              }
            });
    if (!forgotten.isEmpty()) {
      writers().deleteMany(Filters.in("_id", forgotten));
    }
    othersWriting = others[0];
    return claimed;
  }

  /** The markers of these events, by event id; events without a marker are left out. */
  public Map<String, Marker> find(Collection<String> eventIds) {
    Map<String, Marker> found = new HashMap<>();
    List<String> unknown = new ArrayList<>(eventIds.size());
    synchronized (removed) {
      for (String eventId : eventIds) {
        if (!removed.containsKey(eventId)) {
          unknown.add(eventId);
        }
      }
    }
    if (!unknown.isEmpty()) {
      markers()
          .find(Filters.in("_id", unknown))
          .forEach(marker -> found.put(marker.getString("_id"), toMarker(marker)));
    }
    return found;
  }

  /** Up to {@code limit} markers whose lease has run out: nobody is publishing their events. */
  public List<Marker> expired(int limit) {
    List<Marker> expired = new ArrayList<>();
    markers()
        .find(Filters.lt(LEASE, Date.from(clock.instant())))
        .limit(limit)
        .forEach(marker -> expired.add(toMarker(marker)));
    return expired;
  }

  /** Leases the markers to the caller for the lease time. */
  public void claim(Collection<String> eventIds) {
    if (!eventIds.isEmpty()) {
      markers()
          .updateMany(
              Filters.in("_id", eventIds),
              Updates.set(LEASE, Date.from(clock.instant().plus(lease))));
    }
  }

  /**
   * Counts one more failed try of each event and leases it to nobody until its retry time. An event
   * without a marker (one this instance stamped) gets one, so its retry is not forgotten, and is no
   * longer open: the marker stands for it.
   */
  public void postpone(List<Retry> retries) {
    if (retries.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> updates = new ArrayList<>(retries.size());
    synchronized (removed) {
      retries.forEach(retry -> removed.remove(retry.eventId()));
    }
    for (Retry retry : retries) {
      updates.add(
          new UpdateOneModel<>(
              Filters.eq("_id", retry.eventId()),
              Updates.combine(
                  Updates.set(LEASE, Date.from(retry.at())),
                  Updates.inc(ATTEMPTS, 1),
                  Updates.set(LAST_ERROR, retry.error()),
                  Updates.setOnInsert(AGGREGATE_COLLECTION, retry.collection()),
                  Updates.setOnInsert(AGGREGATE_ID, retry.aggregateId())),
              new UpdateOptions().upsert(true)));
    }
    markers().bulkWrite(updates);
    synchronized (this) {
      retries.forEach(retry -> close(retry.eventId()));
    }
  }

  /** When to try an event again, and why the last try failed. */
  public record Retry(
      String eventId, String collection, Object aggregateId, Instant at, String error) {}

  public void remove(Collection<String> eventIds) {
    if (!eventIds.isEmpty()) {
      markers().deleteMany(Filters.in("_id", eventIds));
      synchronized (removed) {
        eventIds.forEach(eventId -> removed.put(eventId, Boolean.TRUE));
      }
    }
  }

  /**
   * Pending events per aggregate collection: this instance's open ones and every marked one. Reads
   * the backlog, so only for gauges.
   */
  public Map<String, Long> countByCollection() {
    Map<String, Long> counts = new HashMap<>();
    synchronized (this) {
      open.values().forEach(event -> counts.merge(event.collection(), 1L, Long::sum));
    }
    markers()
        .find()
        .projection(new Document(AGGREGATE_COLLECTION, 1))
        .forEach(marker -> counts.merge(marker.getString(AGGREGATE_COLLECTION), 1L, Long::sum));
    return counts;
  }

  private MongoCollection<Document> markers() {
    return mongo.getCollection(COLLECTION);
  }

  private MongoCollection<Document> writers() {
    return mongo.getCollection(WRITERS);
  }

  private static Marker toMarker(Document marker) {
    Number attempts = marker.get(ATTEMPTS, Number.class);
    return new Marker(
        marker.getString("_id"),
        marker.getString(AGGREGATE_COLLECTION),
        marker.get(AGGREGATE_ID),
        attempts == null ? 0 : attempts.intValue());
  }
}
