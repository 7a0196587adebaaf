package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import io.crossdesk.platform.deadline.DeadlineRecords.Found;
import io.crossdesk.platform.deadline.ParkedDeadlines.Marker;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Schedules, moves and cancels deadlines; the {@link DeadlinePoller} fires them.
 *
 * <p>A deadline lives in a document of its own, or, for the kinds a {@link DeadlineStorage}
 * declares ({@link #keepIn}), in the document of its aggregate, written with the aggregate's own
 * change. Either way it is placed in the minute bucket where the poller finds it ({@link #place}).
 *
 * <p>Schedule a deadline of its own <em>before</em> the aggregate write that makes it apply, and
 * cancel it <em>after</em> the write that makes it moot: a crash in between then leaves a deadline
 * that fires and finds nothing to do, never an aggregate waiting for a deadline that is not there.
 */
public class Deadlines {

  /** Where a deadline was placed: the bucket entry's token, its bucket, when it fires. */
  public record Placement(String token, String bucket, Instant firesAt) {}

  private final DeadlineDocuments documents;
  private final DeadlineBuckets buckets;
  private final ParkedDeadlines parked;
  private final DeadlineRecords records;
  private final Clock clock;
  private final Set<String> kindsWithCursor = ConcurrentHashMap.newKeySet();

  public Deadlines(MongoTemplate mongo, Clock clock) {
    this.documents = new DeadlineDocuments(mongo);
    this.buckets = new DeadlineBuckets(mongo);
    this.parked = new ParkedDeadlines(mongo);
    this.records = new DeadlineRecords(documents);
    this.clock = clock;
  }

  /**
   * Schedules the deadline {@code key} for {@code dueAt}, replacing whatever was scheduled under
   * the key (a reschedule) and clearing its attempts. A due time in the past fires at the next
   * pass.
   *
   * @throws IllegalStateException for a kind kept in its aggregates: change the aggregate instead
   */
  public ScheduledDeadline schedule(DeadlineKey key, Instant dueAt, Map<String, String> data) {
    Objects.requireNonNull(key, "key");
    requireOwnDocument(key);
    Instant due = dueAt.truncatedTo(ChronoUnit.MILLIS);
    return write(key, due, requireStorable(data), due);
  }

  public ScheduledDeadline schedule(DeadlineKey key, Instant dueAt) {
    return schedule(key, dueAt, Map.of());
  }

  /**
   * Keeps the deadlines of the storage's kinds where it says, from now on. Deadlines of those kinds
   * scheduled in documents of their own before still fire from there, once.
   */
  public void keepIn(DeadlineStorage storage) {
    records.keepIn(storage);
  }

  /**
   * Places the deadline {@code key} in the bucket of the minute it fires in, under a new token, and
   * returns where; a time in the past fires at the next pass. The caller then stores the placement
   * with the deadline: until it does, the entry is stale and harmless (the poller pulls it), so
   * placing comes first and a crash between the two leaves nothing waiting for an entry that is not
   * there. The poller leaves entries of the last lease's minutes alone, for a writer may be between
   * its two writes, and a placement never goes to an older minute (a time in the past goes to the
   * current one).
   */
  public Placement place(DeadlineKey key, Instant firesAt) {
    Instant now = clock.instant();
    Instant minute = DeadlineBuckets.minuteOf(firesAt.isAfter(now) ? firesAt : now);
    if (!kindsWithCursor.contains(key.kind())) {
      // The first deadline of a kind starts its cursor, wherever pollers are.
      buckets.cursorNoLaterThan(key.kind(), DeadlineBuckets.minuteOf(now));
      kindsWithCursor.add(key.kind());
    }
    String token = new ObjectId().toHexString();
    String bucket = buckets.add(key.kind(), minute, Entry.of(token, key.id()));
    return new Placement(token, bucket, firesAt);
  }

  /** The bucket entry first, the document second: see {@link #place}. */
  private ScheduledDeadline write(
      DeadlineKey key, Instant dueAt, Map<String, String> data, Instant firesAt) {
    Placement placement = place(key, firesAt);
    documents.write(
        key, dueAt, data, firesAt, placement.token(), placement.bucket(), clock.instant());
    return new ScheduledDeadline(key, dueAt, data, firesAt, 0, null, false);
  }

  /**
   * Cancels the deadline, parked or not; its bucket entry (or parked marker) is dropped as stale
   * later. A deadline that is firing now may still complete. Returns false when none was scheduled.
   *
   * @throws IllegalStateException for a kind kept in its aggregates: change the aggregate instead
   */
  public boolean cancel(DeadlineKey key) {
    requireOwnDocument(key);
    return documents.delete(key.id());
  }

  public Optional<ScheduledDeadline> find(DeadlineKey key) {
    return records.find(key).map(found -> found.deadline().scheduled());
  }

  /** Parked deadlines, the most recently parked first. */
  public List<ScheduledDeadline> parked(int limit) {
    List<Marker> markers = parked.list(limit);
    Map<String, Found> found = records.load(markers.stream().map(Marker::deadlineId).toList());
    List<ScheduledDeadline> list = new ArrayList<>();
    for (Marker marker : markers) {
      Found deadline = found.get(marker.deadlineId());
      if (deadline != null && deadline.deadline().parked()) {
        list.add(deadline.deadline().scheduled());
      }
    }
    return list;
  }

  /**
   * Fires a parked deadline again, at once, with its original due time and data and a fresh count
   * of attempts. Returns false when the deadline is not parked.
   */
  public boolean retry(DeadlineKey key) {
    Optional<Found> found = records.find(key).filter(f -> f.deadline().parked());
    boolean retried = false;
    if (found.isPresent()) {
      StoredDeadline deadline = found.get().deadline();
      Instant now = clock.instant();
      if (found.get().storage() == null) {
        write(key, deadline.dueAt(), deadline.data(), now);
        retried = true;
      } else {
        retried = found.get().storage().replace(deadline, deadline.unparked(place(key, now)));
      }
    }
    parked.remove(key.id());
    return retried;
  }

  DeadlineDocuments documents() {
    return documents;
  }

  DeadlineBuckets buckets() {
    return buckets;
  }

  ParkedDeadlines parkedMarkers() {
    return parked;
  }

  DeadlineRecords records() {
    return records;
  }

  private void requireOwnDocument(DeadlineKey key) {
    if (records.storageOf(key.kind()).isPresent()) {
      throw new IllegalStateException(
          "deadlines of kind "
              + key.kind()
              + " are kept in their aggregates and follow the aggregate's changes");
    }
  }

  /**
   * The data, checked to be storable as field names and values of a document, as an unmodifiable
   * copy.
   *
   * @throws IllegalArgumentException for a name that is empty, holds '.' or starts with '$'
   */
  public static Map<String, String> requireStorable(Map<String, String> data) {
    data.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty() || name.contains(".") || name.startsWith("$")) {
            throw new IllegalArgumentException(
                "deadline data names must be non-empty, without '.' and not start with '$': "
                    + name);
          }
          Objects.requireNonNull(value, () -> "deadline data '" + name + "' has no value");
        });
    return Map.copyOf(data);
  }
}
