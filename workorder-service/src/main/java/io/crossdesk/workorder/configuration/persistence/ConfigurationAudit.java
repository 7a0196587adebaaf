package io.crossdesk.workorder.configuration.persistence;

import io.crossdesk.contracts.workorder.RoutingConfigurationChanged;
import io.crossdesk.platform.aggregate.AggregateStore;
import io.crossdesk.platform.aggregate.AggregateStores;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.aggregate.ConvertedMapping;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import java.time.Instant;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of departments, flow templates and routing rules: each change as it was made, by
 * whom, with its content, stored together with the RoutingConfigurationChanged event that announces
 * it (one insert, published by the outbox relay). Ids are ObjectIds, which rise within an instance,
 * so changes of the same millisecond list in the order they were made.
 */
@Component
public class ConfigurationAudit {

  private final MongoTemplate mongo;
  private final Events events;
  private final JsonMapper json;
  private final AggregateStore<ConfigurationChangeDocument> changes;

  ConfigurationAudit(MongoTemplate mongo, AggregateStores stores, Events events, JsonMapper json) {
    this.mongo = mongo;
    this.events = events;
    this.json = json;
    this.changes =
        stores.of(
            new ConvertedMapping<>(
                mongo.getConverter(),
                ConfigurationChangeDocument.COLLECTION,
                ConfigurationChangeDocument.class,
                ConfigurationChangeDocument::id,
                change -> change,
                (stored, version) -> stored));
    mongo
        .indexOps(ConfigurationChangeDocument.class)
        .createIndex(
            new Index()
                .on("kind", Sort.Direction.ASC)
                .on("itemId", Sort.Direction.ASC)
                .on("changedAt", Sort.Direction.DESC)
                .named("changes_of_item"));
    mongo
        .indexOps(ConfigurationChangeDocument.class)
        .createIndex(new Index().on("changedAt", Sort.Direction.DESC).named("changes_by_time"));
  }

  public void record(
      String kind,
      String itemId,
      int version,
      String action,
      String changedBy,
      Instant at,
      Object content) {
    RoutingConfigurationChanged changed =
        new RoutingConfigurationChanged(kind, itemId, version, action, changedBy, at);
    EventMessage event = events.create(kind + ":" + itemId, changed);
    changes.insert(
        Change.of(
            new ConfigurationChangeDocument(
                new ObjectId().toHexString(),
                kind,
                itemId,
                version,
                action,
                changedBy,
                at,
                content == null ? null : json.writeValueAsString(content)),
            event));
  }

  /**
   * One page of changes, newest first, with one more than the page holds when there is a next page;
   * a null filter matches every change. Served by {@code changes_of_item} or {@code
   * changes_by_time} on MongoDB; the collection grows only with administrators' edits.
   */
  public List<ConfigurationChangeDocument> page(String kind, String itemId, int page, int size) {
    Criteria criteria = new Criteria();
    if (kind != null) {
      criteria = criteria.and("kind").is(kind);
    }
    if (itemId != null) {
      criteria = criteria.and("itemId").is(itemId);
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("changedAt"), Sort.Order.desc("_id")))
            .skip((long) page * size)
            .limit(size + 1);
    return mongo.find(query, ConfigurationChangeDocument.class);
  }

  /** The newest changes of one item, at most {@code limit}. */
  public List<ConfigurationChangeDocument> of(String kind, String itemId, int limit) {
    Query query =
        Query.query(Criteria.where("kind").is(kind).and("itemId").is(itemId))
            .with(Sort.by(Sort.Order.desc("changedAt")))
            .limit(limit);
    return mongo.find(query, ConfigurationChangeDocument.class);
  }
}
