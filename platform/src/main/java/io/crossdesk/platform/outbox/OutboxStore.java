package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.EventMessage;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes a changed aggregate and the events the change caused in one single-document update. The
 * new events are pushed onto the outbox, never written over it, so events the relay has not
 * published yet are kept and events it has published are not brought back. A {@code version} field
 * guards against lost updates.
 *
 * <p>New aggregates are inserted or saved through MongoTemplate or a repository as usual: {@link
 * OutboxWrites} marks and queues their events around the save.
 */
public class OutboxStore {

  /** The field every versioned aggregate document counts its changes in. */
  public static final String VERSION = "version";

  private static final Set<String> NOT_STATE = Set.of("_id", "_class", VERSION, HasOutbox.FIELD);

  private final MongoTemplate mongo;
  private final PendingEvents pending;
  private final OutboxRelay relay;

  public OutboxStore(MongoTemplate mongo, PendingEvents pending, OutboxRelay relay) {
    this.mongo = mongo;
    this.pending = pending;
    this.relay = relay;
  }

  /**
   * Sets every state field of {@code changed} (its outbox is ignored), unsets those it no longer
   * has, appends {@code events} and counts the version up.
   *
   * @param id the document id
   * @param readVersion the version the aggregate was read at
   * @param changed the document as it should now be
   * @throws OptimisticLockingFailureException when the stored document changed since that version
   */
  public void update(Object id, long readVersion, HasOutbox changed, List<EventMessage> events) {
    String collection = mongo.getCollectionName(changed.getClass());
    List<String> eventIds = events.stream().map(EventMessage::eventId).toList();
    // Marked first: a crash after the update still leaves the events findable.
    pending.mark(collection, id, eventIds);
    Update update = stateOf(changed);
    if (!events.isEmpty()) {
      update.push(HasOutbox.FIELD).each(events.toArray());
    }
    update.inc(VERSION, 1);
    Query sameVersion = Query.query(Criteria.where("_id").is(id).and(VERSION).is(readVersion));
    if (mongo.updateFirst(sameVersion, update, collection).getMatchedCount() == 0) {
      pending.remove(eventIds);
      throw new OptimisticLockingFailureException(
          changed.getClass().getSimpleName() + " " + id + " changed since version " + readVersion);
    }
    if (!events.isEmpty()) {
      relay.enqueue(collection, id);
    }
  }

  /**
   * Gives each versioned aggregate collection a unique index on {@code (_id, version)}. Every
   * change is written with that pair as its filter; MongoDB would find the document by {@code _id}
   * alone, but the embedded MongoDB-compatible server plans a query with an index only when the
   * index has exactly the query's fields, and would otherwise read the whole collection for every
   * change. The index can never refuse a write, since {@code _id} is unique by itself.
   */
  public void indexVersions(Collection<String> collections) {
    for (String collection : collections) {
      mongo
          .indexOps(collection)
          .createIndex(
              new Index()
                  .on("_id", Sort.Direction.ASC)
                  .on(VERSION, Sort.Direction.ASC)
                  .unique()
                  .named("id_version"));
    }
  }

  private Update stateOf(Object document) {
    Document state = new Document();
    mongo.getConverter().write(document, state);
    Update update = new Update();
    state.forEach(
        (field, value) -> {
          if (!NOT_STATE.contains(field)) {
            update.set(field, value);
          }
        });
    PropertyHandler<MongoPersistentProperty> unsetMissing =
        property -> {
          if (!NOT_STATE.contains(property.getFieldName())
              && !state.containsKey(property.getFieldName())) {
            update.unset(property.getFieldName());
          }
        };
    mongo
        .getConverter()
        .getMappingContext()
        .getRequiredPersistentEntity(document.getClass())
        .doWithProperties(unsetMissing);
    return update;
  }
}
