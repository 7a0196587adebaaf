package io.crossdesk.platform.outbox;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One small document per event waiting in an outbox, so that pending events are found without
 * looking through the aggregates: this collection holds only the backlog, never the history. A
 * marker is written before the aggregate write that adds its event and removed after the event is
 * published; a marker whose event never made it into the aggregate (the write failed) is removed
 * when the relay finds nothing to publish for it.
 *
 * <p>Every look-up of a single marker goes by {@code _id} (the event id). Only the sweep for
 * expired leases filters on another field; it reads this small collection, not the aggregates.
 */
public class PendingEvents {

  static final String COLLECTION = "outbox_pending";
  static final String AGGREGATE_COLLECTION = "collection";
  static final String AGGREGATE_ID = "aggregateId";
  static final String LEASE = "lease";
  static final String ATTEMPTS = "attempts";
  static final String LAST_ERROR = "lastError";
  private static final int DUPLICATE_KEY = 11000;

  /** A pending event: where it waits and how often publishing it failed. */
  public record Marker(String eventId, String collection, Object aggregateId, int attempts) {}

  /** How many removed markers this instance remembers: minutes of events at a busy desk's rate. */
  static final int REMEMBERED = 20_000;

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration lease;

  /**
   * Events whose markers this instance removed, newest last. An aggregate's next write asks which
   * of its outbox entries are still pending; the entries this instance published a moment ago are
   * answered here, without a look-up (another instance's are looked up).
   */
  private final Map<String, Boolean> removed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  public PendingEvents(MongoTemplate mongo, Clock clock, Duration lease) {
    this.mongo = mongo;
    this.clock = clock;
    this.lease = lease;
  }

  /**
   * Marks the events as pending in {@code collection}'s document {@code aggregateId}, leased to the
   * writer. Events marked already (a document saved again with its outbox) keep their marker.
   */
  public void mark(String collection, Object aggregateId, Collection<String> eventIds) {
    markAll(collection, Map.of(aggregateId, eventIds));
  }

  /** {@link #mark} for the events of several documents of {@code collection}, in one insert. */
  public void markAll(String collection, Map<?, ? extends Collection<String>> eventIdsByAggregate) {
    List<Document> markers = new ArrayList<>();
    Date until = Date.from(clock.instant().plus(lease));
    eventIdsByAggregate.forEach(
        (aggregateId, eventIds) -> {
          for (String eventId : eventIds) {
            markers.add(
                new Document("_id", eventId)
                    .append(AGGREGATE_COLLECTION, collection)
                    .append(AGGREGATE_ID, aggregateId)
                    .append(LEASE, until)
                    .append(ATTEMPTS, 0));
          }
        });
    if (markers.isEmpty()) {
      return;
    }
    synchronized (removed) {
      markers.forEach(marker -> removed.remove(marker.getString("_id")));
    }
    try {
      markers().insertMany(markers, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCode() != DUPLICATE_KEY) {
          throw e;
        }
      }
    }
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
   * that had no marker (written around the platform) gets one, so its retry is not forgotten.
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
  }

  /** When to try an event again, and why the last try failed. */
  public record Retry(
      String eventId, String collection, Object aggregateId, Instant at, String error) {}

  /**
   * Remembers these events as done (published or parked) before their markers are removed, so that
   * their aggregate's next write needs no look-up for them.
   */
  public void done(Collection<String> eventIds) {
    synchronized (removed) {
      eventIds.forEach(eventId -> removed.put(eventId, Boolean.TRUE));
    }
  }

  public void remove(Collection<String> eventIds) {
    if (!eventIds.isEmpty()) {
      markers().deleteMany(Filters.in("_id", eventIds));
      synchronized (removed) {
        eventIds.forEach(eventId -> removed.put(eventId, Boolean.TRUE));
      }
    }
  }

  /** Pending events per aggregate collection. Reads the backlog, so only for gauges. */
  public Map<String, Long> countByCollection() {
    Map<String, Long> counts = new HashMap<>();
    markers()
        .find()
        .projection(new Document(AGGREGATE_COLLECTION, 1))
        .forEach(marker -> counts.merge(marker.getString(AGGREGATE_COLLECTION), 1L, Long::sum));
    return counts;
  }

  private MongoCollection<Document> markers() {
    return mongo.getCollection(COLLECTION);
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
