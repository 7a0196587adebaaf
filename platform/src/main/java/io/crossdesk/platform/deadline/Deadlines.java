package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
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
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Schedules, moves and cancels deadlines; the {@link DeadlinePoller} fires them.
 *
 * <p>Schedule a deadline <em>before</em> the aggregate write that makes it apply, and cancel it
 * <em>after</em> the write that makes it moot: a crash in between then leaves a deadline that fires
 * and finds nothing to do, never an aggregate waiting for a deadline that is not there.
 */
public class Deadlines {

  private final DeadlineDocuments documents;
  private final DeadlineBuckets buckets;
  private final ParkedDeadlines parked;
  private final Clock clock;
  private final Set<String> kindsWithCursor = ConcurrentHashMap.newKeySet();

  public Deadlines(MongoTemplate mongo, Clock clock) {
    this.documents = new DeadlineDocuments(mongo);
    this.buckets = new DeadlineBuckets(mongo);
    this.parked = new ParkedDeadlines(mongo);
    this.clock = clock;
  }

  /**
   * Schedules the deadline {@code key} for {@code dueAt}, replacing whatever was scheduled under
   * the key (a reschedule) and clearing its attempts. A due time in the past fires at the next
   * pass.
   */
  public ScheduledDeadline schedule(DeadlineKey key, Instant dueAt, Map<String, String> data) {
    Objects.requireNonNull(key, "key");
    Instant due = dueAt.truncatedTo(ChronoUnit.MILLIS);
    return write(key, due, requireStorable(data), due);
  }

  public ScheduledDeadline schedule(DeadlineKey key, Instant dueAt) {
    return schedule(key, dueAt, Map.of());
  }

  /**
   * Writes the bucket entry first and the document second. Until the document names the bucket, the
   * entry is stale and harmless; once it does, the entry is there. So whatever a crash interrupts,
   * the document always names a bucket holding its entry: a crash between the two leaves the old
   * schedule (if any) in force and an entry that the poller pulls as stale. The poller leaves
   * entries of the last lease's minutes alone, for a writer may be between its two writes, and
   * writers never add to an older minute (a due time in the past goes to the current one).
   */
  private ScheduledDeadline write(
      DeadlineKey key, Instant dueAt, Map<String, String> data, Instant firesAt) {
    Instant now = clock.instant();
    Instant minute = DeadlineBuckets.minuteOf(firesAt.isAfter(now) ? firesAt : now);
    if (!kindsWithCursor.contains(key.kind())) {
      // The first deadline of a kind starts its cursor, wherever pollers are.
      buckets.cursorNoLaterThan(key.kind(), DeadlineBuckets.minuteOf(now));
      kindsWithCursor.add(key.kind());
    }
    String token = new ObjectId().toHexString();
    String bucket = buckets.add(key.kind(), minute, Entry.of(token, key.id()));
    documents.write(key, dueAt, data, firesAt, token, bucket, now);
    return new ScheduledDeadline(key, dueAt, data, firesAt, 0, null, false);
  }

  /**
   * Cancels the deadline, parked or not; its bucket entry (or parked marker) is dropped as stale
   * later. A deadline that is firing now may still complete. Returns false when none was scheduled.
   */
  public boolean cancel(DeadlineKey key) {
    return documents.delete(key.id());
  }

  public Optional<ScheduledDeadline> find(DeadlineKey key) {
    return documents.find(key.id()).map(DeadlineDocuments::toScheduled);
  }

  /** Parked deadlines, the most recently parked first. */
  public List<ScheduledDeadline> parked(int limit) {
    List<Marker> markers = parked.list(limit);
    Map<String, Document> found = documents.load(markers.stream().map(Marker::deadlineId).toList());
    List<ScheduledDeadline> list = new ArrayList<>();
    for (Marker marker : markers) {
      Document document = found.get(marker.deadlineId());
      if (document != null && document.getBoolean(DeadlineDocuments.PARKED, false)) {
        list.add(DeadlineDocuments.toScheduled(document));
      }
    }
    return list;
  }

  /**
   * Fires a parked deadline again, at once, with its original due time and data and a fresh count
   * of attempts. Returns false when the deadline is not parked.
   */
  public boolean retry(DeadlineKey key) {
    Optional<ScheduledDeadline> found = find(key).filter(ScheduledDeadline::parked);
    found.ifPresent(d -> write(key, d.dueAt(), d.data(), clock.instant()));
    parked.remove(key.id());
    return found.isPresent();
  }

  private static Map<String, String> requireStorable(Map<String, String> data) {
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
