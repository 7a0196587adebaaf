package io.crossdesk.workorder.configuration.persistence;

import io.crossdesk.contracts.workorder.RoutingConfigurationChanged;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
 * it (one insert, published by the outbox relay).
 */
@Component
public class ConfigurationAudit {

  private final MongoTemplate mongo;
  private final Events events;
  private final JsonMapper json;

  ConfigurationAudit(MongoTemplate mongo, Events events, JsonMapper json) {
    this.mongo = mongo;
    this.events = events;
    this.json = json;
    mongo
        .indexOps(ConfigurationChangeDocument.class)
        .createIndex(
            new Index()
                .on("kind", Sort.Direction.ASC)
                .on("itemId", Sort.Direction.ASC)
                .on("changedAt", Sort.Direction.DESC)
                .named("changes_of_item"));
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
    mongo.insert(
        new ConfigurationChangeDocument(
            UUID.randomUUID().toString(),
            kind,
            itemId,
            version,
            action,
            changedBy,
            at,
            content == null ? null : json.writeValueAsString(content),
            List.of(event)));
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
