package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import io.crossdesk.platform.deadline.DeadlineFiring.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bson.Document;

/**
 * One pass over one kind's buckets, from its cursor up to the current minute: fires what is due
 * within the budget, pulls stale entries, deletes emptied buckets and moves the cursor past them.
 */
final class BucketWalk {

  /** Minutes whose buckets one read loads, {@link DeadlineBuckets#SHARDS} each. */
  private static final int MINUTES_PER_READ = 60;

  /** How many deadlines a pass may still claim for one kind. */
  static final class Budget {
    private int left;

    Budget(int size) {
      this.left = size;
    }

    boolean spent() {
      return left <= 0;
    }
  }

  private record Drained(int fired, int left, long due) {
    static final Drained NOTHING = new Drained(0, 0, 0);
  }

  private final DeadlineDocuments documents;
  private final DeadlineBuckets buckets;
  private final DeadlineFiring firing;
  private final Duration lease;
  private final Clock clock;
  private final DeadlineMeters meters;
  private final BooleanSupplier stopping;

  BucketWalk(
      DeadlineDocuments documents,
      DeadlineBuckets buckets,
      DeadlineFiring firing,
      Duration lease,
      Clock clock,
      DeadlineMeters meters,
      BooleanSupplier stopping) {
    this.documents = documents;
    this.buckets = buckets;
    this.firing = firing;
    this.lease = lease;
    this.clock = clock;
    this.meters = meters;
    this.stopping = stopping;
  }

  /** Returns the deadlines fired. */
  int walk(DeadlineHandler handler, Budget budget) {
    String kind = handler.kind();
    Optional<Instant> cursor = buckets.cursor(kind);
    if (cursor.isEmpty()) {
      meters.due(kind, 0);
      return 0;
    }
    Instant now = clock.instant();
    Instant current = DeadlineBuckets.minuteOf(now);
    // Minutes before this one are settled: no writer adds to them any more (Deadlines#write).
    Instant settled = DeadlineBuckets.minuteOf(now.minus(lease));
    Instant advanceTo = cursor.get();
    boolean advancing = true;
    int fired = 0;
    long due = 0;
    Instant from = cursor.get();
    while (!from.isAfter(current) && !budget.spent() && !stopping.getAsBoolean()) {
      List<Instant> minutes = new ArrayList<>();
      for (Instant m = from;
          !m.isAfter(current) && minutes.size() < MINUTES_PER_READ;
          m = m.plus(Duration.ofMinutes(1))) {
        minutes.add(m);
      }
      Map<String, List<String>> loaded =
          buckets.load(
              minutes.stream().flatMap(m -> DeadlineBuckets.ids(kind, m).stream()).toList());
      for (Instant minute : minutes) {
        if (budget.spent() || stopping.getAsBoolean()) {
          advancing = false;
          break;
        }
        int left = 0;
        for (String bucketId : DeadlineBuckets.ids(kind, minute)) {
          List<String> entries = loaded.getOrDefault(bucketId, List.of());
          Drained drained =
              entries.isEmpty()
                  ? Drained.NOTHING
                  : drain(handler, bucketId, entries, minute.isBefore(settled), budget);
          fired += drained.fired();
          due += drained.due();
          left += drained.left();
        }
        advancing &= left == 0 && minute.isBefore(settled);
        if (advancing) {
          advanceTo = minute.plus(Duration.ofMinutes(1));
        }
      }
      from = from.plus(Duration.ofMinutes(MINUTES_PER_READ));
    }
    if (advanceTo.isAfter(cursor.get())) {
      buckets.advanceCursor(kind, advanceTo);
    }
    meters.due(kind, due);
    return fired;
  }

  /** Fires what is due in one bucket, within the budget, and pulls what is done with. */
  private Drained drain(
      DeadlineHandler handler, String bucketId, List<String> raw, boolean settled, Budget budget) {
    List<Entry> entries = new ArrayList<>(raw.size());
    raw.forEach(r -> entries.add(Entry.parse(r)));
    // Instances walking the same bucket get in each other's way less in different orders.
    Collections.shuffle(entries);
    List<Entry> taken = entries.subList(0, Math.min(entries.size(), budget.left));
    Map<String, Document> found =
        documents.load(taken.stream().map(Entry::deadlineId).distinct().toList());
    List<String> pull = new ArrayList<>();
    int fired = 0;
    long due = entries.size() - taken.size();
    for (Entry entry : taken) {
      Document deadline = found.get(entry.deadlineId());
      if (!isLive(deadline, entry, bucketId)) {
        // In a young bucket, a writer may be between its two writes: leave the entry for now.
        if (settled) {
          pull.add(entry.raw());
        }
      } else if (!deadline
          .getDate(DeadlineDocuments.FIRES_AT)
          .toInstant()
          .isAfter(clock.instant())) {
        if (budget.spent() || stopping.getAsBoolean()) {
          due++;
          continue;
        }
        budget.left--;
        Outcome outcome = firing.fire(handler, bucketId, entry);
        if (outcome == Outcome.NOT_CLAIMED) {
          due++;
        } else {
          pull.add(entry.raw());
          fired += outcome == Outcome.FIRED ? 1 : 0;
        }
      }
    }
    buckets.pull(bucketId, pull);
    int left = raw.size() - pull.size();
    if (left == 0) {
      buckets.deleteIfEmpty(bucketId);
    }
    return new Drained(fired, left, due);
  }

  private static boolean isLive(Document deadline, Entry entry, String bucketId) {
    return deadline != null
        && entry.token().equals(deadline.getString(DeadlineDocuments.TOKEN))
        && bucketId.equals(deadline.getString(DeadlineDocuments.BUCKET));
  }
}
