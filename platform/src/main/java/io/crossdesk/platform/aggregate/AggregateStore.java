package io.crossdesk.platform.aggregate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.DeadlineStorage;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.StoredDeadline;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.OutboxEntries;
import io.crossdesk.platform.outbox.OutboxRelay;
import io.crossdesk.platform.outbox.PendingEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The one way an aggregate is opened and changed, in every service: read it, let the domain decide,
 * and write the new state, the events it causes and the version in one single-document write, which
 * is atomic on MongoDB and on the embedded server alike. A write that lost the race with another
 * decides again on the fresh state, so a move that became illegal meanwhile fails as it should. The
 * events wait in the document's {@code outbox}, stamped with their writer ({@link
 * PendingEvents#open}), until the relay has published them. The deadlines the new state needs
 * ({@link AggregateTimers}) are written in the same document, in {@code timers}, and placed in
 * their minute buckets before the write; {@link SideWrites} keep other collections in step.
 *
 * <p>Only what changed is written: a decision that changes nothing writes nothing, and a change
 * sets the fields that differ from the stored document.
 */
public class AggregateStore<A> {

  /** The field every aggregate counts its changes in. */
  public static final String VERSION = "version";

  public static final String OUTBOX = OutboxEntries.FIELD;

  /** The ids of the last events the aggregate applied, for {@link #apply}. */
  public static final String APPLIED = "applied";

  /** How many applied event ids a document keeps: more than one aggregate sees redelivered. */
  static final int APPLIED_KEPT = 64;

  /** The deadlines the aggregate needs in its present state, for {@link AggregateTimers}. */
  public static final String TIMERS = TimerFields.FIELD;

  private static final Set<String> NOT_STATE =
      Set.of("_id", "_class", VERSION, OUTBOX, APPLIED, TIMERS);
  static final int DEFAULT_ATTEMPTS = 5;

  /** How many of its own last writes an instance keeps, to change them again without a read. */
  static final int RECENT_KEPT = 256;

  private final MongoTemplate mongo;
  private final PendingEvents pending;
  private final OutboxRelay relay;
  private final AggregateMapping<A> mapping;
  private final SideWrites<A> sideWrites;
  private final TimerFields<A> timers;
  private final int attempts;

  /**
   * The documents this instance wrote last, by id, as they were stored: the next change of one (a
   * ticket's routing a moment after its opening) starts from it instead of a read. Another writer's
   * change since makes the versioned write match nothing, and the change is read and decided again.
   */
  private final Map<String, Document> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
              return size() > RECENT_KEPT;
            }
          });

  public AggregateStore(
      MongoTemplate mongo,
      PendingEvents pending,
      OutboxRelay relay,
      AggregateMapping<A> mapping,
      SideWrites<A> sideWrites) {
    this(mongo, pending, relay, mapping, sideWrites, DEFAULT_ATTEMPTS);
  }

  public AggregateStore(
      MongoTemplate mongo,
      PendingEvents pending,
      OutboxRelay relay,
      AggregateMapping<A> mapping,
      SideWrites<A> sideWrites,
      int attempts) {
    this(mongo, pending, relay, mapping, sideWrites, AggregateTimers.none(), null, attempts);
  }

  /**
   * A store whose aggregates keep their deadlines ({@code timers}) in their own documents; the
   * deadlines of those kinds are kept here from now on ({@link Deadlines#keepIn}).
   */
  public AggregateStore(
      MongoTemplate mongo,
      PendingEvents pending,
      OutboxRelay relay,
      AggregateMapping<A> mapping,
      SideWrites<A> sideWrites,
      AggregateTimers<A> timers,
      Deadlines deadlines,
      int attempts) {
    this.mongo = mongo;
    this.pending = pending;
    this.relay = relay;
    this.mapping = mapping;
    this.sideWrites = sideWrites;
    this.timers = new TimerFields<>(timers, deadlines);
    this.attempts = attempts;
    relay.follow(mapping.collection());
    indexVersions();
    if (this.timers.any()) {
      deadlines.keepIn(new Storage(timers.kinds()));
    }
  }

  public String collection() {
    return mapping.collection();
  }

  public Optional<A> find(String id) {
    return findOne(Filters.eq("_id", id));
  }

  /**
   * The aggregate matching {@code filter}: give it the fields of a unique index exactly, since the
   * embedded server uses an index only for such a query.
   */
  public Optional<A> findOne(Bson filter) {
    return Optional.ofNullable(documents().find(filter).first()).map(mapping::read);
  }

  /**
   * The aggregates matching {@code filter} in {@code sort} order, {@code skip} left out and at most
   * {@code limit} (0 for no limit) given.
   */
  public List<A> list(Bson filter, Bson sort, int skip, int limit) {
    List<A> found = new ArrayList<>();
    documents()
        .find(filter)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .forEach(document -> found.add(mapping.read(document)));
    return found;
  }

  /** How many aggregates match {@code filter}. */
  public long count(Bson filter) {
    return documents().countDocuments(filter);
  }

  /**
   * Opens an aggregate at most once: when {@code existing} finds it (a request delivered again)
   * nothing is decided or written; otherwise {@code open} decides and the aggregate is inserted
   * with its events. An insert that a unique index refuses (opened concurrently) returns what
   * {@code existing} then finds.
   */
  public Opened<A> open(Supplier<Optional<A>> existing, Supplier<Change<A>> open) {
    Optional<A> found = existing.get();
    if (found.isPresent()) {
      return new Opened<>(found.get(), false);
    }
    try {
      return new Opened<>(insert(open.get()), true);
    } catch (DuplicateKeyException openedConcurrently) {
      return new Opened<>(existing.get().orElseThrow(() -> openedConcurrently), false);
    }
  }

  /** An aggregate, and whether this call opened it. */
  public record Opened<A>(A aggregate, boolean isNew) {}

  /**
   * Stores a new aggregate with its events.
   *
   * @throws DuplicateKeyException when a unique index holds it already; nothing is stored then
   */
  public A insert(Change<A> opening) {
    A created = opening.after();
    String id = mapping.idOf(created);
    List<String> eventIds = eventIds(opening.events());
    Document document = new Document("_id", id);
    document.putAll(mapping.write(created));
    List<Document> placed = timers.after(id, List.of(), created);
    // Side writes may refuse (a phone number another customer holds): before anything is stamped.
    sideWrites.before(null, created);
    List<Document> outbox;
    boolean sent = false;
    try {
      outbox = pending.open(collection(), id, opening.events());
      document.append(VERSION, 0L).append(OUTBOX, outbox);
      if (!placed.isEmpty()) {
        document.append(TIMERS, placed);
      }
      sent = true;
      documents().insertOne(document);
    } catch (RuntimeException failed) {
      settleFailed(eventIds, sent, failed);
      sideWrites.failed(null, created);
      throw translated(failed);
    }
    pending.returned(eventIds);
    if (!eventIds.isEmpty()) {
      relay.enqueue(collection(), id, outbox);
    }
    recent.put(id, document);
    sideWrites.after(null, created);
    return mapping.atVersion(created, 0);
  }

  /**
   * Stores new aggregates that announce nothing yet, in one unordered bulk insert. Those whose id
   * is stored already are left as they are, so that aggregates whose ids derive from what caused
   * them are stored once however often that is seen, and the caller learns which ones it stored.
   *
   * @return the aggregates this call inserted, in the order given
   */
  public List<A> insertNew(List<A> created) {
    requireNoTimers("insertNew");
    if (created.isEmpty()) {
      return List.of();
    }
    List<Document> documents = new ArrayList<>(created.size());
    for (A aggregate : created) {
      Document document = new Document("_id", mapping.idOf(aggregate));
      document.putAll(mapping.write(aggregate));
      documents.add(document.append(VERSION, 0L).append(OUTBOX, List.of()));
    }
    Set<Integer> refused = new HashSet<>();
    try {
      documents().insertMany(documents, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError error : e.getWriteErrors()) {
        if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw translated(e);
        }
        refused.add(error.getIndex());
      }
    } catch (RuntimeException failed) {
      throw translated(failed);
    }
    List<A> inserted = new ArrayList<>(created.size() - refused.size());
    for (int i = 0; i < created.size(); i++) {
      if (!refused.contains(i)) {
        inserted.add(mapping.atVersion(created.get(i), 0));
      }
    }
    return inserted;
  }

  /**
   * Reads the aggregate, lets {@code decide} change it and writes the change; decides again on the
   * fresh state when another writer got there first.
   *
   * @return the aggregate as stored afterwards
   * @throws AggregateNotFoundException when it is not stored
   * @throws ConcurrentChangeException when it kept changing during every attempt
   */
  public A change(String id, Function<A, Change<A>> decide) {
    return apply(id, null, decide);
  }

  /**
   * {@link #change} for the effect of an event, once: an event whose id is among the last {@value
   * #APPLIED_KEPT} the aggregate applied changes nothing when it is delivered again, and the id is
   * written with the change it caused, in the same update. A decision that changes nothing records
   * nothing, so it is made again on a redelivery.
   *
   * @param eventId the event's id; null to change without recording
   */
  public A apply(String id, String eventId, Function<A, Change<A>> decide) {
    return apply(id, eventId, decide, null);
  }

  /**
   * {@link #change} of an aggregate whose stored document the caller knows exactly, without reading
   * it first: one this caller stored with {@link #insertNew} (or saw at {@code version}) and whose
   * outbox was empty. When the assumption no longer holds (another writer changed it), the write
   * matches nothing and the change is decided again on the stored document, as any change that lost
   * a race.
   */
  public A changeKnown(A known, long version, Function<A, Change<A>> decide) {
    requireNoTimers("changeKnown");
    String id = mapping.idOf(known);
    return apply(id, null, decide, assumed(known, version));
  }

  /**
   * {@link #changeKnown} of several aggregates at once, each stored at {@code version} with an
   * empty outbox as the caller knows: the decisions are written in one unordered bulk update. An
   * aggregate whose stored document was not the one assumed (another writer got there first) is
   * changed on its own afterwards, decided again on what is stored, as any change that lost a race.
   *
   * @return the aggregates as stored afterwards, in the order given
   */
  public List<A> changeKnownAll(List<A> known, long version, Function<A, Change<A>> decide) {
    requireNoTimers("changeKnownAll");
    if (known.size() <= 1) {
      return known.stream().map(one -> changeKnown(one, version, decide)).toList();
    }
    List<A> after = new ArrayList<>(known);
    List<KnownWrite<A>> writes = new ArrayList<>();
    for (int i = 0; i < known.size(); i++) {
      String id = mapping.idOf(known.get(i));
      Document assumed = assumed(known.get(i), version);
      A before = mapping.read(assumed);
      Change<A> change = decide.apply(before);
      if (!change.changed()) {
        continue;
      }
      Document set = new Document();
      Document unset = new Document();
      DocumentDiff.between(assumed, mapping.write(change.after()), NOT_STATE, set, unset);
      if (set.isEmpty() && unset.isEmpty() && change.events().isEmpty()) {
        continue;
      }
      writes.add(new KnownWrite<>(i, id, before, change, set, unset));
    }
    if (writes.isEmpty()) {
      return after;
    }
    // Stamped once every decision is made: a refusal among them leaves nothing open.
    for (KnownWrite<A> write : writes) {
      write.added().addAll(pending.open(collection(), write.id(), write.change().events()));
    }
    Map<String, List<String>> eventIds = new LinkedHashMap<>();
    writes.forEach(write -> eventIds.put(write.id(), eventIds(write.change().events())));
    try {
      writes.forEach(write -> sideWrites.before(write.before(), write.change().after()));
    } catch (RuntimeException refused) {
      eventIds.values().forEach(pending::abandon);
      throw refused;
    }
    long matched;
    try {
      matched =
          documents()
              .bulkWrite(
                  writes.stream()
                      .map(
                          write ->
                              new UpdateOneModel<Document>(
                                  sameVersion(write.id(), version), write.update()))
                      .toList(),
                  new BulkWriteOptions().ordered(false))
              .getMatchedCount();
    } catch (RuntimeException failed) {
      // Which of them were written is read back below; the others are decided again.
      matched = -1;
    }
    Map<String, Document> stored = new HashMap<>();
    if (matched != writes.size()) {
      try {
        documents()
            .find(Filters.in("_id", eventIds.keySet()))
            .forEach(document -> stored.put(document.getString("_id"), document));
      } catch (RuntimeException unreadable) {
        // The store is gone: whether they were written, the relay looks in half a lease.
        eventIds.values().forEach(pending::returned);
        writes.forEach(write -> sideWrites.failed(write.before(), write.change().after()));
        throw translated(unreadable);
      }
    }
    for (KnownWrite<A> write : writes) {
      if (matched == writes.size() || isWritten(write, version, stored.get(write.id()))) {
        pending.returned(eventIds.get(write.id()));
        if (!write.added().isEmpty()) {
          relay.enqueue(collection(), write.id(), write.added());
        }
        sideWrites.after(write.before(), write.change().after());
        after.set(write.index(), mapping.atVersion(write.change().after(), version + 1));
      } else {
        pending.abandon(eventIds.get(write.id()));
        sideWrites.failed(write.before(), write.change().after());
        after.set(write.index(), apply(write.id(), null, decide, null));
      }
    }
    return after;
  }

  /** The document of an aggregate the caller knows as stored at {@code version}, outbox empty. */
  private Document assumed(A known, long version) {
    Document assumed = new Document("_id", mapping.idOf(known));
    assumed.putAll(mapping.write(known));
    return assumed.append(VERSION, version).append(OUTBOX, List.of());
  }

  /** One decision of {@link #changeKnownAll}, and its outbox entries once stamped. */
  private record KnownWrite<A>(
      int index,
      String id,
      A before,
      Change<A> change,
      Document set,
      Document unset,
      List<Document> added) {
    KnownWrite(int index, String id, A before, Change<A> change, Document set, Document unset) {
      this(index, id, before, change, set, unset, new ArrayList<>());
    }

    /** The versioned update of the decision, with its stamped entries in the outbox. */
    Document update() {
      Document setting = new Document(set);
      if (!added.isEmpty()) {
        setting.append(OUTBOX, added);
      }
      Document update = new Document("$inc", new Document(VERSION, 1L));
      if (!setting.isEmpty()) {
        update.append("$set", setting);
      }
      if (!unset.isEmpty()) {
        update.append("$unset", unset);
      }
      return update;
    }
  }

  /**
   * Whether a bulk write that did not match every document wrote this one: its events are in the
   * stored outbox, or, announcing nothing, the document is one version on and holds its state.
   */
  private boolean isWritten(KnownWrite<A> write, long version, Document stored) {
    if (stored == null) {
      return false;
    }
    if (!write.added().isEmpty()) {
      String first = write.added().get(0).getString("eventId");
      return stored.getList(OUTBOX, Document.class, List.of()).stream()
          .anyMatch(entry -> first.equals(entry.getString("eventId")));
    }
    Document set = new Document();
    Document unset = new Document();
    DocumentDiff.between(stored, mapping.write(write.change().after()), NOT_STATE, set, unset);
    return ((Number) stored.get(VERSION)).longValue() == version + 1
        && set.isEmpty()
        && unset.isEmpty();
  }

  private A apply(String id, String eventId, Function<A, Change<A>> decide, Document assumed) {
    Document written = assumed == null ? recent.get(id) : null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      // This instance's own last write, when it has one: a decision on it is kept only if its
      // versioned write matches; anything else (nothing to change, a refusal) is decided again on
      // what is stored.
      boolean own = attempt == 1 && written != null;
      Document stored =
          attempt == 1 && assumed != null
              ? assumed
              : own ? written : documents().find(Filters.eq("_id", id)).first();
      if (stored == null) {
        throw new AggregateNotFoundException(collection(), id);
      }
      A before = mapping.read(stored);
      List<String> applied = stored.getList(APPLIED, String.class, List.of());
      if (eventId != null && applied.contains(eventId)) {
        if (own) {
          continue;
        }
        return before;
      }
      Change<A> change;
      try {
        change = decide.apply(before);
      } catch (RuntimeException refused) {
        if (own) {
          continue;
        }
        throw refused;
      }
      if (!change.changed()) {
        if (own) {
          continue;
        }
        return before;
      }
      long version = ((Number) stored.get(VERSION)).longValue();
      Document set = new Document();
      Document unset = new Document();
      Document state = mapping.write(change.after());
      DocumentDiff.between(stored, state, NOT_STATE, set, unset);
      if (set.isEmpty() && unset.isEmpty() && change.events().isEmpty()) {
        if (own) {
          continue;
        }
        return before;
      }
      List<String> appliedAfter = applied;
      if (eventId != null) {
        List<String> kept = new ArrayList<>(applied);
        kept.add(eventId);
        appliedAfter = kept.subList(Math.max(0, kept.size() - APPLIED_KEPT), kept.size());
        set.append(APPLIED, appliedAfter);
      }
      List<Document> storedTimers = stored.getList(TIMERS, Document.class, List.of());
      List<Document> timersAfter = timers.after(id, storedTimers, change.after());
      if (timersAfter != storedTimers) {
        set.append(TIMERS, timersAfter);
      }
      List<Document> storedOutbox = stored.getList(OUTBOX, Document.class, List.of());
      List<Document> stillPending = pending.stillPending(storedOutbox);
      // Stamped last: nothing that may fail comes between this and the write.
      List<Document> added = pending.open(collection(), id, change.events());
      List<Document> outbox = new ArrayList<>(stillPending);
      outbox.addAll(added);
      if (!outbox.equals(storedOutbox)) {
        set.append(OUTBOX, outbox);
      } else {
        outbox = storedOutbox;
      }
      if (write(id, version, before, change, set, unset, added, stillPending.isEmpty())) {
        Document now = new Document("_id", id);
        now.putAll(state);
        now.append(VERSION, version + 1).append(OUTBOX, outbox);
        if (!appliedAfter.isEmpty()) {
          now.append(APPLIED, appliedAfter);
        }
        if (!timersAfter.isEmpty()) {
          now.append(TIMERS, timersAfter);
        }
        recent.put(id, now);
        return mapping.atVersion(change.after(), version + 1);
      }
      recent.remove(id);
    }
    throw new ConcurrentChangeException(collection(), id, attempts);
  }

  private boolean write(
      String id,
      long version,
      A before,
      Change<A> change,
      Document set,
      Document unset,
      List<Document> added,
      boolean nothingPending) {
    List<String> eventIds = eventIds(change.events());
    Document update = new Document("$inc", new Document(VERSION, 1L));
    if (!set.isEmpty()) {
      update.append("$set", set);
    }
    if (!unset.isEmpty()) {
      update.append("$unset", unset);
    }
    try {
      sideWrites.before(before, change.after());
    } catch (RuntimeException refused) {
      pending.abandon(eventIds);
      throw refused;
    }
    long matched;
    try {
      matched = documents().updateOne(sameVersion(id, version), update).getMatchedCount();
    } catch (RuntimeException failed) {
      settleFailed(eventIds, true, failed);
      sideWrites.failed(before, change.after());
      throw translated(failed);
    }
    if (matched == 0) {
      pending.abandon(eventIds);
      sideWrites.failed(before, change.after());
      return false;
    }
    pending.returned(eventIds);
    if (nothingPending && !added.isEmpty()) {
      // the version held, so the pending part of the outbox is exactly what this write added
      relay.enqueue(collection(), id, added);
    } else if (!added.isEmpty()) {
      relay.enqueue(collection(), id);
    }
    sideWrites.after(before, change.after());
    return true;
  }

  /**
   * After a write that failed: its events wait nowhere when the store refused it, or when it was
   * never sent; when the connection broke after it was sent, nobody knows yet, and they stay open
   * for the relay to look for in their document.
   */
  private void settleFailed(List<String> eventIds, boolean sent, RuntimeException failed) {
    if (sent && !(failed instanceof MongoServerException)) {
      pending.returned(eventIds);
    } else {
      pending.abandon(eventIds);
    }
  }

  private void requireNoTimers(String operation) {
    if (timers.any()) {
      throw new IllegalStateException(
          operation + " assumes stored documents it cannot know for aggregates with timers");
    }
  }

  /**
   * The aggregates' deadlines as the poller reads them, and the writes it makes to them (a failed
   * try placed again, a parked one): a versioned write of {@code timers} alone, made again on the
   * fresh document when the aggregate changed meanwhile.
   */
  private final class Storage implements DeadlineStorage {

    private final Set<String> kinds;

    Storage(Set<String> kinds) {
      this.kinds = Set.copyOf(kinds);
    }

    @Override
    public Set<String> kinds() {
      return kinds;
    }

    /** Another store of the same collection reads and writes the same deadlines: the same. */
    @Override
    public boolean equals(Object other) {
      return other instanceof AggregateStore<?>.Storage storage
          && storage.collection().equals(collection())
          && storage.kinds.equals(kinds);
    }

    @Override
    public int hashCode() {
      return collection().hashCode();
    }

    private String collection() {
      return AggregateStore.this.collection();
    }

    @Override
    public Map<String, StoredDeadline> load(Collection<DeadlineKey> keys) {
      Map<String, StoredDeadline> found = new HashMap<>();
      documents()
          .find(Filters.in("_id", keys.stream().map(DeadlineKey::aggregateId).distinct().toList()))
          .projection(Projections.include(TIMERS))
          .forEach(
              document ->
                  found.putAll(
                      TimerFields.read(
                          document.getString("_id"),
                          document.getList(TIMERS, Document.class, List.of()))));
      return found;
    }

    @Override
    public boolean replace(StoredDeadline current, StoredDeadline next) {
      return changeEntry(current, (stored, entry) -> TimerFields.write(next));
    }

    /**
     * After its handler returned, a deadline the aggregate still holds under the same placement
     * (the handler's change did not move it, or it changed nothing) is derived again from the
     * stored state: placed anew when its due time or data now differ (a calendar or policy that
     * changed since it was placed), dropped as done otherwise, so that it never looks scheduled
     * without an entry that fires it.
     */
    @Override
    public void fired(StoredDeadline fired) {
      changeEntry(
          fired,
          (stored, entry) ->
              timers
                  .wanted(mapping.read(stored), fired.key())
                  .filter(wanted -> !fired.isSameAs(wanted.dueAt(), wanted.data()))
                  .map(wanted -> timers.place(fired.key(), wanted))
                  .orElse(null));
    }

    /**
     * Replaces the entry of {@code which}, matched by its key and placement token, with what {@code
     * change} makes of it (null removes it), in a versioned write of {@code timers} alone, read and
     * made again when the aggregate changed meanwhile. False when the entry is not there.
     */
    private boolean changeEntry(
        StoredDeadline which, BiFunction<Document, Document, Document> change) {
      String id = which.key().aggregateId();
      for (int attempt = 1; attempt <= attempts; attempt++) {
        Document stored = documents().find(Filters.eq("_id", id)).first();
        if (stored == null) {
          return false;
        }
        List<Document> entries = new ArrayList<>(stored.getList(TIMERS, Document.class, List.of()));
        int at = -1;
        for (int i = 0; i < entries.size() && at < 0; i++) {
          StoredDeadline entry = TimerFields.read(id, entries.get(i));
          if (entry.key().equals(which.key()) && which.token().equals(entry.token())) {
            at = i;
          }
        }
        if (at < 0) {
          return false;
        }
        Document replaced = change.apply(stored, entries.get(at));
        if (replaced == null) {
          entries.remove(at);
        } else {
          entries.set(at, replaced);
        }
        long version = ((Number) stored.get(VERSION)).longValue();
        recent.remove(id);
        Document update =
            new Document("$inc", new Document(VERSION, 1L))
                .append("$set", new Document(TIMERS, entries));
        if (documents().updateOne(sameVersion(id, version), update).getMatchedCount() > 0) {
          return true;
        }
      }
      throw new ConcurrentChangeException(collection(), id, attempts);
    }
  }

  /**
   * {@code {_id, version}} as one document of equality fields: MongoDB finds it by {@code _id}; the
   * embedded server uses an index only when it has exactly the query's fields, hence {@code
   * id_version}.
   */
  private static Document sameVersion(String id, long version) {
    return new Document("_id", id).append(VERSION, version);
  }

  /**
   * The {@code (_id, version)} index: it can never refuse a write, since {@code _id} is unique by
   * itself, but without it the embedded server reads the whole collection for every change.
   */
  private void indexVersions() {
    documents()
        .createIndex(
            Indexes.ascending("_id", VERSION), new IndexOptions().unique(true).name("id_version"));
  }

  private MongoCollection<Document> documents() {
    return mongo.getCollection(collection());
  }

  private RuntimeException translated(RuntimeException e) {
    RuntimeException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(e);
    return translated == null ? e : translated;
  }

  private static List<String> eventIds(List<EventMessage> events) {
    return events.stream().map(EventMessage::eventId).toList();
  }
}
