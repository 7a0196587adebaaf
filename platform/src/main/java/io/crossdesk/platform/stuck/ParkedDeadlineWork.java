package io.crossdesk.platform.stuck;

import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.ScheduledDeadline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deadlines parked after their handler kept failing; a retry fires one again at once. */
public class ParkedDeadlineWork implements StuckWork {

  static final String KIND = "deadline";

  private final Deadlines deadlines;

  public ParkedDeadlineWork(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public List<StuckItem> list(int limit) {
    return deadlines.parked(limit).stream().map(ParkedDeadlineWork::item).toList();
  }

  /** {@code id}: the deadline's id, {@code kind|aggregateId|name}. */
  @Override
  public Optional<StuckItem> retry(String id) {
    Optional<DeadlineKey> key = DeadlineKey.fromId(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<ScheduledDeadline> parked =
        deadlines.find(key.get()).filter(ScheduledDeadline::parked);
    if (parked.isEmpty() || !deadlines.retry(key.get())) {
      return Optional.empty();
    }
    return parked.map(ParkedDeadlineWork::item);
  }

  private static StuckItem item(ScheduledDeadline deadline) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deadlineKind", deadline.key().kind());
    details.put("aggregateId", deadline.key().aggregateId());
    details.put("name", deadline.key().name());
    details.put("dueAt", deadline.dueAt());
    details.put("data", deadline.data());
    return new StuckItem(
        KIND,
        deadline.key().id(),
        deadline.key().kind() + " of " + deadline.key().aggregateId(),
        deadline.lastError(),
        deadline.firesAt(),
        deadline.attempts(),
        details);
  }
}
