package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import io.crossdesk.platform.events.Traces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one due deadline: claims it with a lease, runs its handler, and then deletes it, moves it
 * to the bucket of its next try, or parks it.
 */
final class DeadlineFiring {

  private static final Logger log = LoggerFactory.getLogger(DeadlineFiring.class);
  private static final int MAX_ERROR_LENGTH = 1_000;

  enum Outcome {
    /** The handler returned; the deadline is gone. */
    FIRED,
    /** The handler failed; the deadline waits for its next try, or is parked. */
    FAILED,
    /** Another instance holds it, or it changed since it was read: its entry stays. */
    NOT_CLAIMED
  }

  private final DeadlineDocuments documents;
  private final DeadlineBuckets buckets;
  private final ParkedDeadlines parked;
  private final DeadlineProperties properties;
  private final Clock clock;
  private final DeadlineMeters meters;
  private final Traces traces;
  private final String holder;

  DeadlineFiring(
      DeadlineDocuments documents,
      DeadlineBuckets buckets,
      ParkedDeadlines parked,
      DeadlineProperties properties,
      Clock clock,
      DeadlineMeters meters,
      Traces traces,
      String holder) {
    this.documents = documents;
    this.buckets = buckets;
    this.parked = parked;
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    this.traces = traces;
    this.holder = holder;
  }

  Outcome fire(DeadlineHandler handler, String bucketId, Entry entry) {
    Instant now = clock.instant();
    Document claimed =
        documents.claim(
            entry.deadlineId(), entry.token(), bucketId, now, now.plus(properties.lease()), holder);
    if (claimed == null) {
      return Outcome.NOT_CLAIMED;
    }
    int attempt = claimed.getInteger(DeadlineDocuments.ATTEMPTS, 1);
    DeadlineKey key = DeadlineDocuments.keyOf(claimed);
    if (attempt > properties.maxAttempts()) {
      // Every try so far started and never ended: a handler that takes its instance down.
      park(key, entry, attempt - 1 + " tries never completed within the lease");
      return Outcome.FAILED;
    }
    Instant dueAt = claimed.getDate(DeadlineDocuments.DUE_AT).toInstant();
    try {
      FiredDeadline fired =
          new FiredDeadline(key, dueAt, DeadlineDocuments.dataOf(claimed), attempt, now);
      // A trace of its own: the events the handler writes (an escalation) and their consumers.
      traces.inNewTrace("deadline " + key.kind(), () -> handler.fire(fired));
    } catch (RuntimeException e) {
      meters.failed(key.kind());
      String error = truncate(e.toString());
      if (attempt >= properties.maxAttempts()) {
        log.warn("Deadline {} failed {} times and is parked: {}", key.id(), attempt, error);
        park(key, entry, error);
      } else {
        retryLater(key, entry, attempt, error);
      }
      return Outcome.FAILED;
    }
    // Matches the token: a deadline scheduled again while this one fired stays.
    documents.delete(entry.deadlineId(), entry.token());
    meters.fired(key.kind(), Duration.between(dueAt, clock.instant()));
    return Outcome.FIRED;
  }

  /**
   * Into the bucket of the next try first, then the document: the order of a schedule. Under a new
   * token, so that the entry pulled afterwards is never the new one, even in the same bucket.
   */
  private void retryLater(DeadlineKey key, Entry entry, int attempt, String error) {
    Instant next = clock.instant().plus(properties.retryDelayAfter(attempt));
    Instant minute = DeadlineBuckets.minuteOf(next);
    Entry retry = Entry.of(new ObjectId().toHexString(), entry.deadlineId());
    String bucket = buckets.add(key.kind(), minute, retry);
    documents.retryAt(entry.deadlineId(), entry.token(), retry.token(), bucket, next, error);
  }

  /** The marker first, so that a parked deadline is always counted; stale markers are dropped. */
  private void park(DeadlineKey key, Entry entry, String error) {
    parked.mark(entry.deadlineId(), key.kind(), clock.instant());
    if (!documents.park(entry.deadlineId(), entry.token(), error)) {
      parked.remove(entry.deadlineId());
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
