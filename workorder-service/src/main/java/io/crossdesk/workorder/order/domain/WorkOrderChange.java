package io.crossdesk.workorder.order.domain;

import java.util.List;

/** A work order as a change left it, and what the change announces. */
public record WorkOrderChange(WorkOrder order, List<WorkOrderFact> facts) {

  public WorkOrderChange {
    facts = List.copyOf(facts);
  }

  /** Nothing to write: an event seen before. */
  public static WorkOrderChange none(WorkOrder order) {
    return new WorkOrderChange(order, List.of());
  }

  public boolean changed(WorkOrder before) {
    return !order.equals(before);
  }
}
