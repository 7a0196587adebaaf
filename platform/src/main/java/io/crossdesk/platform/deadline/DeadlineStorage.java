package io.crossdesk.platform.deadline;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the deadlines of some kinds somewhere other than a document of their own: in the document
 * of the aggregate they belong to, written with the aggregate's own changes (the platform's
 * aggregate store). {@link Deadlines} still places them in the minute buckets the poller walks, and
 * the poller fires, retries and parks them as any other; this says where their state is read and
 * written.
 *
 * <p>A deadline of such a kind is not claimed with a lease before its handler runs: its handler
 * changes the aggregate under the aggregate's version, so two instances that fire it at once make
 * one change, and the other decides again on what the first wrote.
 */
public interface DeadlineStorage {

  /** The kinds of deadline kept here. */
  Set<String> kinds();

  /** The deadlines stored under these keys, by {@link DeadlineKey#id()}. */
  Map<String, StoredDeadline> load(Collection<DeadlineKey> keys);

  /**
   * Replaces {@code current} with {@code next}, only while {@code current}'s placement (its token)
   * is the one stored. Returns false when it was not.
   */
  boolean replace(StoredDeadline current, StoredDeadline next);

  /**
   * Its handler returned: what {@code fired} became is up to the storage, which may move it (a due
   * time that changed meanwhile) or drop it as done when the handler's change left it in place.
   */
  void fired(StoredDeadline fired);
}
