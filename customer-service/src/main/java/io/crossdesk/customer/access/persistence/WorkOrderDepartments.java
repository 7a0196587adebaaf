package io.crossdesk.customer.access.persistence;

import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each work order's departments, by work-order id: where it was routed (and whether that step must
 * contact the customer) and whether it is completed. Every change is one findAndModify by {@code
 * _id} that returns what was there before, so {@link DepartmentSteps} counts a step open once and
 * closed once however often its events arrive; a completion names the last resolving department,
 * which need not be the one that held the step.
 */
@Component
class WorkOrderDepartments {

  private final MongoTemplate mongo;

  WorkOrderDepartments(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Records the routing; returns the work order as it was before (null: unknown). */
  Routed routed(String workOrderId, String customerId, String department, boolean needsContact) {
    return change(
        workOrderId,
        new Update().set("routed." + department, needsContact).set("customerId", customerId));
  }

  /**
   * Records that the work order ended (completed, or closed unfinished); returns it as it was
   * before (null: unknown).
   */
  Routed ended(String workOrderId, String customerId) {
    return change(
        workOrderId, new Update().set("completed", true).setOnInsert("customerId", customerId));
  }

  private Routed change(String workOrderId, Update update) {
    Query byId = Query.query(Criteria.where("_id").is(workOrderId));
    FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(false);
    try {
      return mongo.findAndModify(byId, update, options, Routed.class);
    } catch (DuplicateKeyException raced) {
      return mongo.findAndModify(byId, update, options, Routed.class);
    }
  }

  @Document("workorder_departments")
  record Routed(@Id String id, String customerId, Map<String, Boolean> routed, Boolean completed) {

    Routed {
      routed = routed == null ? new HashMap<>() : routed;
    }

    boolean hasEnded() {
      return Boolean.TRUE.equals(completed);
    }
  }
}
