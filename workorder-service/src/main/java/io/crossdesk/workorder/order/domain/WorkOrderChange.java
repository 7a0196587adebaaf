package io.crossdesk.workorder.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A work order as a change left it, and what the change announces. */
public record WorkOrderChange(WorkOrder order, List<WorkOrderFact> facts) {

  public WorkOrderChange {
    facts = List.copyOf(facts);
  }

  /** Nothing to write: an event seen before. */
  public static WorkOrderChange none(WorkOrder order) {
    return new WorkOrderChange(order, List.of());
  }

  /** This change followed by {@code next} on the work order it left, announcing what both do. */
  public WorkOrderChange then(Function<WorkOrder, WorkOrderChange> next) {
    WorkOrderChange following = next.apply(order);
    List<WorkOrderFact> all = new ArrayList<>(facts);
    all.addAll(following.facts());
    return new WorkOrderChange(following.order(), all);
  }

  public boolean changed(WorkOrder before) {
    return !order.equals(before);
  }
}
