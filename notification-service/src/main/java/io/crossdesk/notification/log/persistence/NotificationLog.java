package io.crossdesk.notification.log.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.Change;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Every notification this service stored, through the platform's aggregate store: a notification is
 * stored before it is tried, and its outcome is written with the event announcing it.
 *
 * <p>Notifications still waiting for their customer's contact have a marker in {@value
 * #UNADDRESSED}, a collection as small as that backlog, so that a newly known contact finds its
 * notifications without a scan of the whole log.
 */
@Component
public class NotificationLog implements InitializingBean {

  static final String UNADDRESSED = "notifications_unaddressed";

  private final MongoTemplate mongo;
  private final AggregateStore<Notification> notifications;

  NotificationLog(MongoTemplate mongo, AggregateStores stores) {
    this.mongo = mongo;
    this.notifications = stores.of(new NotificationMapping());
  }

  /**
   * The indexes the log's list queries need on MongoDB. The unique {@code eventId} index of the
   * time when an event caused one notification at most is dropped: an event now notifies several
   * recipients, and the id, derived from the event, the recipient and the channel, keeps each once.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(NotificationMapping.COLLECTION);
    if (indexes.getIndexInfo().stream().map(IndexInfo::getName).anyMatch("eventId"::equals)) {
      indexes.dropIndex("eventId");
    }
    indexes.createIndex(
        new Index()
            .on("customerId", Sort.Direction.ASC)
            .on("createdAt", Sort.Direction.DESC)
            .named("customer_newest_first"));
    indexes.createIndex(
        new Index()
            .on("ticketId", Sort.Direction.ASC)
            .on("createdAt", Sort.Direction.DESC)
            .named("ticket_newest_first"));
    mongo.indexOps(UNADDRESSED).createIndex(new Index().on("customerId", Sort.Direction.ASC));
  }

  /**
   * Stores the notifications in one bulk write, except those stored already.
   *
   * @return the ones this call stored: the caller is the one to send them
   */
  public List<Notification> storeNew(List<Notification> queued) {
    List<Notification> stored = notifications.insertNew(queued);
    List<Document> unaddressed = new ArrayList<>();
    for (Notification notification : stored) {
      if (!notification.isAddressed() && notification.customerId() != null) {
        unaddressed.add(
            new Document("_id", notification.id()).append("customerId", notification.customerId()));
      }
    }
    if (!unaddressed.isEmpty()) {
      mongo.getCollection(UNADDRESSED).insertMany(unaddressed);
    }
    return stored;
  }

  public Optional<Notification> find(String id) {
    return notifications.find(id);
  }

  public List<Notification> findAll(Collection<String> ids) {
    return notifications.list(Filters.in("_id", ids), Sorts.ascending("_id"), 0, ids.size());
  }

  /** Changes one notification through the aggregate store (its outcome and the event). */
  public Notification change(String id, Function<Notification, Change<Notification>> decide) {
    return notifications.change(id, decide);
  }

  /**
   * {@link #change} of a notification this instance has just stored and not changed since: written
   * without reading it first.
   */
  public Notification changeStored(
      Notification stored, Function<Notification, Change<Notification>> decide) {
    return notifications.changeKnown(stored, 0, decide);
  }

  /** {@link #changeStored} of several notifications this instance has just stored, in one write. */
  public List<Notification> changeStoredAll(
      List<Notification> stored, Function<Notification, Change<Notification>> decide) {
    return notifications.changeKnownAll(stored, 0, decide);
  }

  /** The ids of the customer's notifications waiting for an address. */
  public List<String> waitingForAddress(String customerId) {
    List<String> ids = new ArrayList<>();
    mongo
        .getCollection(UNADDRESSED)
        .find(Filters.eq("customerId", customerId))
        .forEach(marker -> ids.add(marker.getString("_id")));
    return ids;
  }

  public void addressed(Collection<String> ids) {
    mongo.getCollection(UNADDRESSED).deleteMany(Filters.in("_id", ids));
  }

  /** The newest notifications first; a null filter does not restrict. */
  public List<Notification> newest(String customerId, String ticketId, int limit) {
    List<Bson> filters = new ArrayList<>();
    if (customerId != null) {
      filters.add(Filters.eq("customerId", customerId));
    }
    if (ticketId != null) {
      filters.add(Filters.eq("ticketId", ticketId));
    }
    Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
    return notifications.list(
        filter, Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id")), 0, limit);
  }
}
