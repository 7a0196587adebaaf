package io.crossdesk.customer.access;

import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.customer.CustomerProperties;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * Which departments hold a step for which customer: one small document per customer and department
 * ({@code _id} {@code <customerId>|<department>}) with the department's open work orders for them,
 * from WorkOrderRouted until WorkOrderCompleted. Completed work orders are remembered, so that a
 * routing delivered again after the completion does not reopen the step. Read-modify-write under a
 * version, by {@code _id}: exact under redelivery and concurrency.
 */
@Component
public class DepartmentSteps {

  private final MongoTemplate mongo;
  private final CustomerProperties properties;

  DepartmentSteps(MongoTemplate mongo, CustomerProperties properties) {
    this.mongo = mongo;
    this.properties = properties;
  }

  /** The department's open steps for the customer: none, or whether any needs to contact them. */
  public Optional<Boolean> openStepNeedsContact(String customerId, String department) {
    StepsDocument steps = mongo.findById(key(customerId, department), StepsDocument.class);
    if (steps == null || steps.open().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(steps.open().containsValue(Boolean.TRUE));
  }

  void routed(WorkOrderRouted routed) {
    boolean needsContact =
        routed.needsCustomerContact() != null
            ? routed.needsCustomerContact()
            : properties.contactDepartments().contains(routed.department());
    change(
        routed.customerId(),
        routed.department(),
        steps -> {
          if (!steps.completed().contains(routed.workOrderId())) {
            steps.open().put(routed.workOrderId(), needsContact);
          }
        });
  }

  void completed(WorkOrderCompleted completed, String department) {
    change(
        completed.customerId(),
        department,
        steps -> {
          steps.open().remove(completed.workOrderId());
          steps.completed().add(completed.workOrderId());
        });
  }

  private void change(
      String customerId, String department, java.util.function.Consumer<StepsDocument> edit) {
    String id = key(customerId, department);
    while (true) {
      StepsDocument stored = mongo.findById(id, StepsDocument.class);
      StepsDocument next =
          stored == null
              ? new StepsDocument(
                  id, customerId, department, new HashMap<>(), new HashSet<>(), null)
              : new StepsDocument(
                  id,
                  customerId,
                  department,
                  new HashMap<>(stored.open()),
                  new HashSet<>(stored.completed()),
                  stored.version());
      edit.accept(next);
      if (stored != null
          && next.open().equals(stored.open())
          && next.completed().equals(stored.completed())) {
        return;
      }
      try {
        mongo.save(next);
        return;
      } catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
        // another event for the same customer and department won: apply to what it wrote
      }
    }
  }

  static String key(String customerId, String department) {
    return customerId + "|" + department;
  }

  /** The unique index on {@code (_id, version)} lets the embedded server find versioned writes. */
  @Document("department_steps")
  @CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
  record StepsDocument(
      @Id String id,
      String customerId,
      String department,
      Map<String, Boolean> open,
      Set<String> completed,
      @Version Long version) {

    StepsDocument {
      open = open == null ? new HashMap<>() : open;
      completed = completed == null ? new HashSet<>() : completed;
    }
  }
}
