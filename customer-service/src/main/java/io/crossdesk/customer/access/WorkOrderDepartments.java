package io.crossdesk.customer.access;

import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The department each work order was routed to, by work-order id: a completion names the last
 * resolving department, which need not be the one that held the step.
 */
@Component
class WorkOrderDepartments {

  private final MongoTemplate mongo;

  WorkOrderDepartments(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void remember(String workOrderId, String department) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(workOrderId)),
        new Update().addToSet("departments", department),
        RoutedDocument.class);
  }

  Set<String> of(WorkOrderCompleted completed) {
    Set<String> departments = new LinkedHashSet<>();
    RoutedDocument routed = mongo.findById(completed.workOrderId(), RoutedDocument.class);
    if (routed != null && routed.departments() != null) {
      departments.addAll(routed.departments());
    }
    if (completed.department() != null) {
      departments.add(completed.department());
    }
    return departments;
  }

  @Document("workorder_departments")
  record RoutedDocument(@Id String id, Set<String> departments) {}
}
