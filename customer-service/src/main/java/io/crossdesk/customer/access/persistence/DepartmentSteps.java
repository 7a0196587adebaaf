package io.crossdesk.customer.access.persistence;

import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.customer.CustomerProperties;
import io.crossdesk.customer.access.persistence.WorkOrderDepartments.Routed;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which departments hold a step for which customer: one small document per customer and department
 * ({@code _id} {@code <customerId>|<department>}) counting the department's open work orders for
 * them and how many of those must contact the customer, from WorkOrderRouted until the work order
 * ends (WorkOrderCompleted or WorkOrderClosed). The counts are raised and lowered by increment, by
 * {@code _id}, once per work order and department as {@link WorkOrderDepartments} decides: a
 * routing delivered again, or after the completion, changes nothing. So the document stays the same
 * size whatever the customer's history; a crash between the work order's write and the increment
 * loses that one increment.
 */
@Component
public class DepartmentSteps {

  private final MongoTemplate mongo;
  private final CustomerProperties properties;
  private final WorkOrderDepartments workOrders;

  DepartmentSteps(
      MongoTemplate mongo, CustomerProperties properties, WorkOrderDepartments workOrders) {
    this.mongo = mongo;
    this.properties = properties;
    this.workOrders = workOrders;
  }

  /** The department's open steps for the customer: none, or whether any needs to contact them. */
  public Optional<Boolean> openStepNeedsContact(String customerId, String department) {
    StepsDocument steps = mongo.findById(key(customerId, department), StepsDocument.class);
    if (steps == null || steps.open() == null || steps.open() <= 0) {
      return Optional.empty();
    }
    return Optional.of(steps.contact() != null && steps.contact() > 0);
  }

  public void routed(WorkOrderRouted routed) {
    boolean needsContact =
        routed.needsCustomerContact() != null
            ? routed.needsCustomerContact()
            : properties.contactDepartments().contains(routed.department());
    Routed before =
        workOrders.routed(
            routed.workOrderId(), routed.customerId(), routed.department(), needsContact);
    if (before != null && before.hasEnded()) {
      return;
    }
    Boolean known = before == null ? null : before.routed().get(routed.department());
    if (known == null) {
      count(routed.customerId(), routed.department(), 1, needsContact ? 1 : 0);
    } else if (known != needsContact) {
      count(routed.customerId(), routed.department(), 0, needsContact ? 1 : -1);
    }
  }

  /**
   * The work order ended, completed (WorkOrderCompleted) or closed without its work done
   * (WorkOrderClosed: cancelled, merged, superseded by a reopening): none of its departments holds
   * a step for the customer any more.
   */
  public void ended(String workOrderId, String customerId) {
    Routed before = workOrders.ended(workOrderId, customerId);
    if (before == null || before.hasEnded()) {
      return;
    }
    for (Map.Entry<String, Boolean> step : before.routed().entrySet()) {
      count(customerId, step.getKey(), -1, step.getValue() ? -1 : 0);
    }
  }

  private void count(String customerId, String department, int open, int contact) {
    Query byId = Query.query(Criteria.where("_id").is(key(customerId, department)));
    Update update =
        new Update()
            .inc("open", open)
            .inc("contact", contact)
            .setOnInsert("customerId", customerId)
            .setOnInsert("department", department);
    try {
      mongo.upsert(byId, update, StepsDocument.class);
    } catch (DuplicateKeyException raced) {
      mongo.updateFirst(byId, update, StepsDocument.class);
    }
  }

  static String key(String customerId, String department) {
    return customerId + "|" + department;
  }

  @Document("department_steps")
  record StepsDocument(
      @Id String id, String customerId, String department, Long open, Long contact) {}
}
