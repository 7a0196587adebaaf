package io.crossdesk.platform.deadline;

import java.time.Instant;
import java.util.Map;

/**
 * A deadline as stored.
 *
 * @param dueAt when it was scheduled for, to the millisecond
 * @param firesAt when it fires next: {@code dueAt}, or the time of the next try after a failure
 * @param attempts how often a handler was started for it
 * @param lastError why the last try failed, or null
 * @param parked true when it failed too often and waits for {@link Deadlines#retry}
 */
public record ScheduledDeadline(
    DeadlineKey key,
    Instant dueAt,
    Map<String, String> data,
    Instant firesAt,
    int attempts,
    String lastError,
    boolean parked) {}
