package io.crossdesk.workorder.routing.persistence;

import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The routing rules in MongoDB, one document each by id. */
@Component
public class RoutingRuleStore {

  static final String COLLECTION = "routing_rules";

  private final MongoTemplate mongo;

  RoutingRuleStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** All rules, in the order the router tries them. */
  public List<RoutingRule> all() {
    return mongo.find(new Query().with(Sort.by("order", "_id")), RoutingRule.class, COLLECTION);
  }

  public boolean contains(String ruleId) {
    return mongo.exists(byId(ruleId), COLLECTION);
  }

  public void save(RoutingRule rule) {
    mongo.save(rule, COLLECTION);
  }

  public boolean delete(String ruleId) {
    return mongo.remove(byId(ruleId), COLLECTION).getDeletedCount() > 0;
  }

  /**
   * Stores the rule unless one with its id exists; losing that race to another instance is fine.
   */
  public void insertIfAbsent(RoutingRule rule) {
    try {
      mongo.insert(rule, COLLECTION);
    } catch (DuplicateKeyException seededAlready) {
      // Present, which is all seeding asks for.
    }
  }

  /**
   * Removes rules stored before rules led into flows (they named a department, not a template), so
   * that the standard rules are seeded in their place. Reads the small rule collection once, at
   * start-up.
   */
  public long removeRulesWithoutTemplate() {
    return mongo
        .remove(Query.query(Criteria.where("template").exists(false)), COLLECTION)
        .getDeletedCount();
  }

  private static Query byId(String ruleId) {
    return Query.query(Criteria.where("_id").is(ruleId));
  }
}
