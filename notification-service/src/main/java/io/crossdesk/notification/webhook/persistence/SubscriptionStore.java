package io.crossdesk.notification.webhook.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.platform.aggregate.AggregateNotFoundException;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.aggregate.ConvertedMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Webhook subscriptions. The collection holds one document per subscriber, so listing it whole is
 * cheap on any store; the consumer reads the enabled ones for every batch of events.
 */
@Component
public class SubscriptionStore {

  static final String COLLECTION = "webhook_subscriptions";

  static final Duration ENABLED_FRESHNESS = Duration.ofSeconds(1);

  private record Enabled(List<Subscription> subscriptions, long readAt) {}

  private final MongoTemplate mongo;
  private final AggregateStore<Subscription> subscriptions;
  private volatile Enabled enabled;

  SubscriptionStore(MongoTemplate mongo, AggregateStores stores) {
    this.mongo = mongo;
    this.subscriptions =
        stores.of(
            new ConvertedMapping<>(
                mongo.getConverter(),
                COLLECTION,
                SubscriptionDocument.class,
                Subscription::id,
                SubscriptionDocument::of,
                SubscriptionDocument::toSubscription));
  }

  public Optional<Subscription> find(String id) {
    return subscriptions.find(id);
  }

  /** Every subscription, oldest first. */
  public List<Subscription> all() {
    return subscriptions.list(new Document(), new Document("createdAt", 1).append("_id", 1), 0, 0);
  }

  /**
   * The enabled subscriptions, read again at most once per {@link #ENABLED_FRESHNESS}: the fan-out
   * asks for them on every run of events, on three topics. A change made through this instance is
   * seen at once; one made through another instance within that time.
   */
  public List<Subscription> enabled() {
    Enabled known = enabled;
    long now = System.nanoTime();
    if (known != null && now - known.readAt() < ENABLED_FRESHNESS.toNanos()) {
      return known.subscriptions();
    }
    List<Subscription> read =
        subscriptions.list(new Document("enabled", true), new Document("_id", 1), 0, 0);
    enabled = new Enabled(List.copyOf(read), now);
    return enabled.subscriptions();
  }

  public Subscription insert(Subscription subscription) {
    try {
      return subscriptions.insert(Change.of(subscription));
    } finally {
      enabled = null;
    }
  }

  /** The subscription as {@code change} left it; empty when there is none. */
  public Optional<Subscription> change(String id, UnaryOperator<Subscription> change) {
    try {
      return Optional.of(
          subscriptions.change(
              id,
              before -> {
                Subscription after = change.apply(before);
                return after.equals(before) ? Change.none(before) : Change.of(after);
              }));
    } catch (AggregateNotFoundException gone) {
      return Optional.empty();
    } finally {
      enabled = null;
    }
  }

  /** Removes the subscription; its deliveries stay readable in the delivery log. */
  public boolean remove(String id) {
    try {
      return mongo.remove(Query.query(where("_id").is(id)), COLLECTION).getDeletedCount() > 0;
    } finally {
      enabled = null;
    }
  }
}
