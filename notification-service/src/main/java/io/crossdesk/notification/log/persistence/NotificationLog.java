package io.crossdesk.notification.log.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.NotificationStatus;
import io.crossdesk.platform.store.KeyedInserts;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Every notification this service has queued, one per causing event. */
@Component
public class NotificationLog implements InitializingBean {

  private final MongoTemplate mongo;

  NotificationLog(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * The unique event index is what makes one event cause one notification even when a redelivery
   * races past the processed-events check, so it is created here, before the Kafka listeners start,
   * rather than left to the auto-index-creation setting. The names are those existing databases
   * already have: the same index under another name would be refused.
   */
  @Override
  public void afterPropertiesSet() {
    IndexOperations indexes = mongo.indexOps(NotificationDocument.class);
    indexes.createIndex(new Index().on("eventId", Sort.Direction.ASC).unique().named("eventId"));
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
  }

  /** Adds the notifications in one bulk write, but none whose event already caused one. */
  public void recordAll(List<Notification> notifications) {
    KeyedInserts.insertNew(
        mongo,
        NotificationDocument.class,
        notifications.stream().map(NotificationDocument::of).toList());
  }

  /** Adds the notification unless its event already caused one. */
  public void record(Notification notification) {
    try {
      mongo.insert(NotificationDocument.of(notification));
    } catch (DuplicateKeyException causedByAReplayedEvent) {
      // The unique event id index turned a replay into a no-op: nothing else to do.
    }
  }

  /** Gives the customer's queued notifications that had no recipient yet the contact's address. */
  public void addressWaitingNotifications(Contact contact) {
    DeliveryAddress address = DeliveryAddress.of(contact);
    if (!address.isKnown()) {
      return;
    }
    mongo.updateMulti(
        Query.query(
            where("customerId")
                .is(contact.customerId())
                .and("recipient")
                .is(null)
                .and("status")
                .is(NotificationStatus.QUEUED)),
        new Update().set("channel", address.channel()).set("recipient", address.recipient()),
        NotificationDocument.class);
  }

  /** The newest notifications first; a null filter does not restrict. */
  public List<Notification> newest(String customerId, String ticketId, int limit) {
    Criteria criteria = new Criteria();
    if (customerId != null) {
      criteria.and("customerId").is(customerId);
    }
    if (ticketId != null) {
      criteria.and("ticketId").is(ticketId);
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
            .limit(limit);
    return mongo.find(query, NotificationDocument.class).stream()
        .map(NotificationDocument::toNotification)
        .toList();
  }
}
