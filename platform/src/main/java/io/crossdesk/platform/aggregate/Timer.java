package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.deadline.Deadlines;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A deadline an aggregate needs in its present state: of a kind (which handler fires it), under a
 * name unique within the aggregate and kind, due at a time (kept to the millisecond), with data for
 * its handler.
 */
public record Timer(String kind, String name, Instant dueAt, Map<String, String> data) {

  public Timer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
    data = Deadlines.requireStorable(data);
  }
}
