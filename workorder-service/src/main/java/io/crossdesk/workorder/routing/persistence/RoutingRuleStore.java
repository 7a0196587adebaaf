package io.crossdesk.workorder.routing.persistence;

import io.crossdesk.workorder.routing.domain.Router;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The routing rules in MongoDB. */
@Component
public class RoutingRuleStore {

  private final MongoTemplate mongo;

  RoutingRuleStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** All rules, in the order the router tries them. */
  public List<RoutingRule> all() {
    Query query = new Query().with(Sort.by("order", "_id"));
    return mongo.find(query, RoutingRuleDocument.class).stream()
        .map(RoutingRuleDocument::toRule)
        .toList();
  }

  /** A router over the rules as they are now, so that a changed rule applies at once. */
  public Router router() {
    return new Router(all());
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
  }

  private static Query byId(String ruleId) {
    return Query.query(Criteria.where("_id").is(ruleId));
  }
}
