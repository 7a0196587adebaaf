package io.crossdesk.notification.webhook.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt;
import io.crossdesk.notification.webhook.domain.DeliveryStatus;
import io.crossdesk.platform.store.KeyedInserts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every webhook delivery with its attempts. Each is found by {@code _id} on the delivery path; the
 * API pages a subscription's deliveries by ranges of the unique {@code newest} key.
 */
@Component
public class DeliveryLog implements InitializingBean {

  static final String COLLECTION = "webhook_deliveries";
  private final MongoTemplate mongo;

  DeliveryLog(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterPropertiesSet() {
    mongo
        .indexOps(DeliveryDocument.class)
        .createIndex(new Index().on("newest", Sort.Direction.ASC).unique().named("newest"));
  }

  /** Which of these deliveries are stored already. */
  public Set<String> existing(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Query query = Query.query(where("_id").in(ids));
    query.fields().include("_id");
    return mongo.find(query, DeliveryDocument.class).stream()
        .map(DeliveryDocument::id)
        .collect(Collectors.toSet());
  }

  /** Stores the deliveries in one bulk write, leaving out any stored already. */
  public void insertAll(List<Delivery> deliveries) {
    KeyedInserts.insertNew(
        mongo, DeliveryDocument.class, deliveries.stream().map(DeliveryDocument::of).toList());
  }

  public Optional<Delivery> find(String id) {
    return Optional.ofNullable(mongo.findById(id, DeliveryDocument.class))
        .map(DeliveryDocument::toDelivery);
  }

  /**
   * Up to {@code limit} of the subscription's deliveries, newest first, older than the delivery
   * {@code before} when it is given.
   */
  public List<Delivery> newest(String subscriptionId, Delivery before, int limit) {
    String from =
        before == null
            ? subscriptionId + "|"
            : DeliveryDocument.newestKey(subscriptionId, before.createdAt(), before.eventId());
    Query query =
        Query.query(where("newest").gt(from).lt(subscriptionId + "|~"))
            .with(Sort.by("newest"))
            .limit(limit);
    return mongo.find(query, DeliveryDocument.class).stream()
        .map(DeliveryDocument::toDelivery)
        .toList();
  }

  /**
   * Adds an attempt in flight and returns its index; a scheduled try also counts as try {@code
   * tryNumber} and sets when the next one is due.
   */
  public int start(String id, DeliveryAttempt attempt, Integer tryNumber, Instant nextTryAt) {
    Update update = new Update().push("attempts", attempt);
    if (tryNumber != null) {
      update.set("tries", tryNumber).set("nextTryAt", nextTryAt);
    }
    DeliveryDocument after =
        mongo.findAndModify(
            Query.query(where("_id").is(id)),
            update,
            FindAndModifyOptions.options().returnNew(true),
            DeliveryDocument.class);
    if (after == null) {
      throw new IllegalStateException("no delivery " + id);
    }
    return after.attempts().size() - 1;
  }

  /** Records how the attempt at {@code index} ended and where the delivery stands now. */
  public void end(String id, int index, DeliveryAttempt ended, DeliveryStatus status) {
    mongo.updateFirst(
        Query.query(where("_id").is(id)),
        new Update().set("attempts." + index, ended).set("status", status),
        DeliveryDocument.class);
  }

  /** Records the attempt's end without moving the status (a replay of a finished delivery). */
  public void end(String id, int index, DeliveryAttempt ended) {
    mongo.updateFirst(
        Query.query(where("_id").is(id)),
        new Update().set("attempts." + index, ended),
        DeliveryDocument.class);
  }

  public void status(String id, DeliveryStatus status) {
    mongo.updateFirst(
        Query.query(where("_id").is(id)),
        new Update().set("status", status),
        DeliveryDocument.class);
  }
}
