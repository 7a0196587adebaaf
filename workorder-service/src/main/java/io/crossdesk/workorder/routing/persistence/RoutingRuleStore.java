package io.crossdesk.workorder.routing.persistence;

import io.crossdesk.workorder.routing.domain.Router;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The routing rules in MongoDB. Every ticket is routed against them, so the router over them is
 * kept in memory: rebuilt at once when this instance changes a rule, and re-read every {@code
 * crossdesk.routing.rules-refresh} (default 10 s) so changes made by another instance apply too.
 */
@Component
public class RoutingRuleStore {

  private record CachedRouter(Router router, long readAt) {}

  private final MongoTemplate mongo;
  private final long refreshNanos;
  private volatile CachedRouter cached;

  RoutingRuleStore(
      MongoTemplate mongo, @Value("${crossdesk.routing.rules-refresh:10s}") Duration refresh) {
    this.mongo = mongo;
    this.refreshNanos = refresh.toNanos();
  }

  /** All rules, in the order the router tries them. */
  public List<RoutingRule> all() {
    Query query = new Query().with(Sort.by("order", "_id"));
    return mongo.find(query, RoutingRuleDocument.class).stream()
        .map(RoutingRuleDocument::toRule)
        .toList();
  }

  /** A router over the rules, at most one refresh interval old. */
  public Router router() {
    CachedRouter current = cached;
    if (current == null || System.nanoTime() - current.readAt() > refreshNanos) {
      current = new CachedRouter(new Router(all()), System.nanoTime());
      cached = current;
    }
    return current.router();
  }

  boolean contains(String ruleId) {
    return mongo.exists(byId(ruleId), RoutingRuleDocument.class);
  }

  /**
   * Stores the rule unless one with its id exists. Several instances may seed at once: the upsert
   * only ever inserts, and losing the insert race to another instance is the same outcome.
   */
  void insertIfAbsent(RoutingRule rule) {
    Update insertOnly =
        new Update()
            .setOnInsert("categories", List.copyOf(rule.categories()))
            .setOnInsert("department", rule.department().id())
            .setOnInsert("order", rule.order())
            .setOnInsert("description", rule.description());
    try {
      mongo.upsert(byId(rule.id()), insertOnly, RoutingRuleDocument.class);
    } catch (DuplicateKeyException insertedByAnotherInstance) {
      // The rule exists now, which is all seeding asks for.
    }
    cached = null;
  }

  private static Query byId(String ruleId) {
    return Query.query(Criteria.where("_id").is(ruleId));
  }
}
