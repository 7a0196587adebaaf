package io.crossdesk.platform.deadline;

import java.time.Instant;
import java.util.Map;

/**
 * What a handler gets: the key, the due time the deadline was scheduled for (compare it with what
 * the aggregate says now), the data it was scheduled with, and which try this is (1 on the first;
 * more after a failure or after an instance died while firing it).
 */
public record FiredDeadline(
    DeadlineKey key, Instant dueAt, Map<String, String> data, int attempt, Instant firedAt) {

  /** A value of the data, or null. */
  public String data(String name) {
    return data.get(name);
  }
}
