package io.crossdesk.platform.aggregate;

import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.StoredDeadline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * An aggregate's deadlines in its own document: the field {@code timers}, one entry per deadline,
 * written by the {@link AggregateStore} with the state they follow.
 */
final class TimerFields<A> {

  static final String FIELD = "timers";

  private final AggregateTimers<A> timers;
  private final Deadlines deadlines;

  TimerFields(AggregateTimers<A> timers, Deadlines deadlines) {
    if (!timers.kinds().isEmpty() && deadlines == null) {
      throw new IllegalStateException("aggregates with timers need the platform's deadlines");
    }
    this.timers = timers;
    this.deadlines = deadlines;
  }

  boolean any() {
    return !timers.kinds().isEmpty();
  }

  /**
   * The timers the document of {@code after} holds: a stored entry stays as it is (placement,
   * tries, parked) when its due time and data come out the same; any other is placed afresh, now,
   * before the write that stores it. Returns {@code stored} itself when nothing changed.
   */
  List<Document> after(String id, List<Document> stored, A after) {
    List<Timer> wanted = timers.of(after);
    if (wanted.isEmpty()) {
      return stored.isEmpty() ? stored : List.of();
    }
    Map<String, Document> byKey = new HashMap<>();
    stored.forEach(entry -> byKey.put(keyOf(id, entry).id(), entry));
    List<Document> next = new ArrayList<>(wanted.size());
    for (Timer timer : wanted) {
      if (!timers.kinds().contains(timer.kind())) {
        throw new IllegalStateException(
            "timer of kind " + timer.kind() + " not among the declared " + timers.kinds());
      }
      DeadlineKey key = new DeadlineKey(timer.kind(), id, timer.name());
      Document kept = byKey.get(key.id());
      if (kept != null && read(id, kept).isSameAs(timer.dueAt(), timer.data())) {
        next.add(kept);
      } else {
        next.add(place(key, timer));
      }
    }
    return next.equals(stored) ? stored : next;
  }

  /** The timer under {@code key} that the aggregate needs in this state, if any. */
  Optional<Timer> wanted(A aggregate, DeadlineKey key) {
    return timers.of(aggregate).stream()
        .filter(timer -> timer.kind().equals(key.kind()) && timer.name().equals(key.name()))
        .findFirst();
  }

  /** The timer placed in its minute's bucket now, as the entry that stores the placement. */
  Document place(DeadlineKey key, Timer timer) {
    return write(
        StoredDeadline.placed(
            key, timer.dueAt(), timer.data(), deadlines.place(key, timer.dueAt())));
  }

  /** The entries of the document's timers with their keys' ids. */
  static Map<String, StoredDeadline> read(String id, List<Document> stored) {
    Map<String, StoredDeadline> read = new LinkedHashMap<>();
    for (Document entry : stored) {
      StoredDeadline deadline = read(id, entry);
      read.put(deadline.key().id(), deadline);
    }
    return read;
  }

  static StoredDeadline read(String id, Document entry) {
    Map<String, String> data = new LinkedHashMap<>();
    Document storedData = entry.get("data", Document.class);
    if (storedData != null) {
      storedData.forEach((name, value) -> data.put(name, String.valueOf(value)));
    }
    return new StoredDeadline(
        keyOf(id, entry),
        entry.getDate("dueAt").toInstant(),
        Collections.unmodifiableMap(data),
        entry.getDate("firesAt").toInstant(),
        entry.getString("token"),
        entry.getString("bucket"),
        entry.getInteger("attempts", 0),
        entry.getString("lastError"),
        entry.getBoolean("parked", false));
  }

  /** Only what is set, so that an entry reads back equal to what was written. */
  static Document write(StoredDeadline deadline) {
    Document entry =
        new Document("kind", deadline.key().kind())
            .append("name", deadline.key().name())
            .append("dueAt", Date.from(deadline.dueAt()))
            .append("data", new Document(new LinkedHashMap<String, Object>(deadline.data())))
            .append("firesAt", Date.from(deadline.firesAt()))
            .append("token", deadline.token());
    if (deadline.bucket() != null) {
      entry.append("bucket", deadline.bucket());
    }
    if (deadline.attempts() > 0) {
      entry.append("attempts", deadline.attempts());
    }
    if (deadline.lastError() != null) {
      entry.append("lastError", deadline.lastError());
    }
    if (deadline.parked()) {
      entry.append("parked", true);
    }
    return entry;
  }

  private static DeadlineKey keyOf(String id, Document entry) {
    return new DeadlineKey(entry.getString("kind"), id, entry.getString("name"));
  }
}
