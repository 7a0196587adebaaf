package io.crossdesk.platform.deadline;

import java.time.Instant;
import java.util.Map;

/**
 * A deadline as it is stored, wherever that is (its own document, or its aggregate's): what was
 * scheduled, and where and how it fires next.
 *
 * @param dueAt when it was scheduled for, to the millisecond
 * @param firesAt when it fires next: {@code dueAt}, or the time of the next try after a failure
 * @param token the placement's token: the bucket entry that carries it is the live one
 * @param bucket the bucket or page holding that entry; null once parked
 * @param attempts how many tries failed so far
 * @param lastError why the last try failed, or null
 * @param parked true when it failed too often and waits for {@link Deadlines#retry}
 */
public record StoredDeadline(
    DeadlineKey key,
    Instant dueAt,
    Map<String, String> data,
    Instant firesAt,
    String token,
    String bucket,
    int attempts,
    String lastError,
    boolean parked) {

  public StoredDeadline {
    data = Map.copyOf(data);
  }

  /** Newly placed for {@code dueAt}: no tries yet. */
  public static StoredDeadline placed(
      DeadlineKey key, Instant dueAt, Map<String, String> data, Deadlines.Placement placement) {
    return new StoredDeadline(
        key,
        dueAt,
        data,
        placement.firesAt(),
        placement.token(),
        placement.bucket(),
        0,
        null,
        false);
  }

  /** Whether the bucket entry {@code token} in {@code bucketId} is this deadline's live one. */
  public boolean isPlacedAt(String bucketId, String entryToken) {
    return !parked && entryToken.equals(token) && bucketId.equals(bucket);
  }

  /** The same due time and data: a schedule that need not move. */
  public boolean isSameAs(Instant otherDueAt, Map<String, String> otherData) {
    return dueAt.equals(otherDueAt) && data.equals(otherData);
  }

  public ScheduledDeadline scheduled() {
    return new ScheduledDeadline(key, dueAt, data, firesAt, attempts, lastError, parked);
  }

  /** After a failed try: placed again for its next try. */
  StoredDeadline retryAt(Deadlines.Placement next, int tries, String error) {
    return new StoredDeadline(
        key, dueAt, data, next.firesAt(), next.token(), next.bucket(), tries, error, false);
  }

  /** After the last allowed failure: in no bucket until it is retried. */
  StoredDeadline parkedAfter(int tries, String error) {
    return new StoredDeadline(key, dueAt, data, firesAt, token, null, tries, error, true);
  }

  /** Retried by an operator: placed again, with a fresh count of tries. */
  StoredDeadline unparked(Deadlines.Placement now) {
    return new StoredDeadline(
        key, dueAt, data, now.firesAt(), now.token(), now.bucket(), 0, null, false);
  }
}
