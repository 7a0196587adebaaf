package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import io.crossdesk.platform.deadline.DeadlineRecords.Found;
import io.crossdesk.platform.events.Traces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one due deadline and then lets it go, moves it to the bucket of its next try, or parks it.
 * A deadline in a document of its own is claimed with a lease first and deleted after; one kept in
 * its aggregate is neither: its handler's change of the aggregate is versioned, and it is the
 * change that moves or drops the deadline.
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
    NOT_CLAIMED,
    /** Moved, dropped or fired elsewhere since it was read: its entry is stale. */
    GONE
  }

  private final Deadlines deadlines;
  private final DeadlineDocuments documents;
  private final ParkedDeadlines parked;
  private final DeadlineProperties properties;
  private final Clock clock;
  private final DeadlineMeters meters;
  private final Traces traces;
  private final String holder;

  DeadlineFiring(
      Deadlines deadlines,
      DeadlineProperties properties,
      Clock clock,
      DeadlineMeters meters,
      Traces traces,
      String holder) {
    this.deadlines = deadlines;
    this.documents = deadlines.documents();
    this.parked = deadlines.parkedMarkers();
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    this.traces = traces;
    this.holder = holder;
  }

  /** What becomes of a deadline after its try, where it is kept. */
  private interface Afterwards {
    void fired();

    void retry(Deadlines.Placement next, int tries, String error);

    /** False when the deadline changed meanwhile and is not parked. */
    boolean park(int tries, String error);
  }

  Outcome fire(DeadlineHandler handler, String bucketId, Entry entry, Found found) {
    DeadlineStorage storage = found.storage();
    if (storage != null) {
      // Kept in its aggregate: no claim, the handler's change is versioned; failed tries counted.
      // Read again first: another instance, or a change since the batch was read, may have
      // fired or moved it.
      StoredDeadline due = storage.load(List.of(found.deadline().key())).get(entry.deadlineId());
      if (due == null
          || !due.isPlacedAt(bucketId, entry.token())
          || due.firesAt().isAfter(clock.instant())) {
        return Outcome.GONE;
      }
      return run(
          handler,
          due,
          due.attempts() + 1,
          new Afterwards() {
            @Override
            public void fired() {
              storage.fired(due);
            }

            @Override
            public void retry(Deadlines.Placement next, int tries, String error) {
              storage.replace(due, due.retryAt(next, tries, error));
            }

            @Override
            public boolean park(int tries, String error) {
              return storage.replace(due, due.parkedAfter(tries, error));
            }
          });
    }
    Instant now = clock.instant();
    Document claimed =
        documents.claim(
            entry.deadlineId(), entry.token(), bucketId, now, now.plus(properties.lease()), holder);
    if (claimed == null) {
      return Outcome.NOT_CLAIMED;
    }
    // Matches the token: a deadline scheduled again while this one fired stays.
    Afterwards inDocument =
        new Afterwards() {
          @Override
          public void fired() {
            documents.delete(entry.deadlineId(), entry.token());
          }

          @Override
          public void retry(Deadlines.Placement next, int tries, String error) {
            documents.retryAt(
                entry.deadlineId(),
                entry.token(),
                next.token(),
                next.bucket(),
                next.firesAt(),
                error);
          }

          @Override
          public boolean park(int tries, String error) {
            return documents.park(entry.deadlineId(), entry.token(), error);
          }
        };
    int attempt = claimed.getInteger(DeadlineDocuments.ATTEMPTS, 1);
    StoredDeadline stored = DeadlineDocuments.toStored(claimed);
    if (attempt > properties.maxAttempts()) {
      // Every try so far started and never ended: a handler that takes its instance down.
      park(
          stored.key(),
          inDocument,
          attempt - 1,
          attempt - 1 + " tries never completed within the lease");
      return Outcome.FAILED;
    }
    return run(handler, stored, attempt, inDocument);
  }

  private Outcome run(
      DeadlineHandler handler, StoredDeadline due, int attempt, Afterwards afterwards) {
    DeadlineKey key = due.key();
    try {
      FiredDeadline fired =
          new FiredDeadline(key, due.dueAt(), due.data(), attempt, clock.instant());
      // A trace of its own: the events the handler writes (an escalation) and their consumers.
      traces.inNewTrace("deadline " + key.kind(), () -> handler.fire(fired));
    } catch (RuntimeException e) {
      meters.failed(key.kind());
      String error = truncate(e.toString());
      if (attempt >= properties.maxAttempts()) {
        log.warn("Deadline {} failed {} times and is parked: {}", key.id(), attempt, error);
        park(key, afterwards, attempt, error);
      } else {
        // Into the bucket of the next try first, then the deadline, under a new token: the order
        // of a schedule, and the entry pulled afterwards is never the new one.
        Instant next = clock.instant().plus(properties.retryDelayAfter(attempt));
        afterwards.retry(deadlines.place(key, next), attempt, error);
      }
      return Outcome.FAILED;
    }
    afterwards.fired();
    meters.fired(key.kind(), Duration.between(due.dueAt(), clock.instant()));
    return Outcome.FIRED;
  }

  /** The marker first, so that a parked deadline is always counted; stale markers are dropped. */
  private void park(DeadlineKey key, Afterwards afterwards, int tries, String error) {
    parked.mark(key.id(), key.kind(), clock.instant());
    if (!afterwards.park(tries, error)) {
      parked.remove(key.id());
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
