package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineBuckets.Bucket;
import io.crossdesk.platform.deadline.DeadlineBuckets.Entry;
import io.crossdesk.platform.deadline.DeadlineFiring.Outcome;
import io.crossdesk.platform.deadline.DeadlineRecords.Found;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One pass over one kind's buckets, from its cursor up to the current minute: fires what is due
 * within the budget, pulls stale entries, deletes emptied buckets and moves the cursor past them.
 */
final class BucketWalk {

  private static final int BUCKETS_PER_READ = 500;

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
    Drained and(Drained other) {
      return new Drained(fired + other.fired, left + other.left, due + other.due);
    }
  }

  private final DeadlineRecords records;
  private final DeadlineBuckets buckets;
  private final DeadlineFiring firing;
  private final Duration lease;
  private final Clock clock;
  private final DeadlineMeters meters;
  private final BooleanSupplier stopping;

  BucketWalk(
      Deadlines deadlines,
      DeadlineFiring firing,
      Duration lease,
      Clock clock,
      DeadlineMeters meters,
      BooleanSupplier stopping) {
    this.records = deadlines.records();
    this.buckets = deadlines.buckets();
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
          !m.isAfter(current) && minutes.size() < BUCKETS_PER_READ;
          m = m.plus(Duration.ofMinutes(1))) {
        minutes.add(m);
      }
      Map<String, Bucket> loaded =
          buckets.buckets(minutes.stream().map(m -> DeadlineBuckets.id(kind, m)).toList());
      List<String> pages = new ArrayList<>();
      loaded.values().forEach(bucket -> pages.addAll(bucket.pages()));
      Map<String, List<String>> pageEntries = pages.isEmpty() ? Map.of() : buckets.load(pages);
      for (Instant minute : minutes) {
        if (budget.spent() || stopping.getAsBoolean()) {
          advancing = false;
          break;
        }
        Bucket bucket = loaded.get(DeadlineBuckets.id(kind, minute));
        int left = 0;
        if (bucket != null) {
          boolean isSettled = minute.isBefore(settled);
          Drained drained = drain(handler, bucket.id(), bucket.keys(), isSettled, budget);
          for (String page : bucket.pages()) {
            drained =
                drained.and(
                    drain(
                        handler,
                        page,
                        pageEntries.getOrDefault(page, List.of()),
                        isSettled,
                        budget));
          }
          fired += drained.fired();
          due += drained.due();
          left = drained.left();
          if (left == 0) {
            if (bucket.pages().isEmpty()) {
              buckets.deleteIfEmpty(bucket.id());
            } else if (isSettled) {
              buckets.deleteSettled(bucket.id(), bucket.pages());
            }
          }
        }
        advancing &= left == 0 && minute.isBefore(settled);
        if (advancing) {
          advanceTo = minute.plus(Duration.ofMinutes(1));
        }
      }
      from = from.plus(Duration.ofMinutes(BUCKETS_PER_READ));
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
    Map<String, Found> found =
        records.load(taken.stream().map(Entry::deadlineId).distinct().toList());
    List<String> pull = new ArrayList<>();
    int fired = 0;
    long due = entries.size() - taken.size();
    for (Entry entry : taken) {
      Found deadline = found.get(entry.deadlineId());
      if (deadline == null || !deadline.deadline().isPlacedAt(bucketId, entry.token())) {
        // In a young bucket, a writer may be between its two writes: leave the entry for now.
        if (settled) {
          pull.add(entry.raw());
        }
      } else if (!deadline.deadline().firesAt().isAfter(clock.instant())) {
        if (budget.spent() || stopping.getAsBoolean()) {
          due++;
          continue;
        }
        budget.left--;
        Outcome outcome = firing.fire(handler, bucketId, entry, deadline);
        if (outcome == Outcome.NOT_CLAIMED) {
          due++;
        } else {
          pull.add(entry.raw());
          fired += outcome == Outcome.FIRED ? 1 : 0;
        }
      }
    }
    buckets.pull(bucketId, pull);
    return new Drained(fired, raw.size() - pull.size(), due);
  }
}
