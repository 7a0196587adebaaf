package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.aggregate.AggregateTimers;
import io.crossdesk.platform.aggregate.Timer;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.order.domain.WorkOrder;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The escalation timers a work order's steps need in its present state, under the departments'
 * current calendars; the aggregate store writes them with each change of the order.
 */
@Component
class WorkOrderTimers implements AggregateTimers<WorkOrder> {

  private final StepEscalations escalations;
  private final RoutingConfiguration configuration;

  WorkOrderTimers(StepEscalations escalations, RoutingConfiguration configuration) {
    this.escalations = escalations;
    this.configuration = configuration;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(StepEscalations.KIND);
  }

  @Override
  public List<Timer> of(WorkOrder order) {
    return escalations.timersOf(order, configuration.current().departments());
  }
}
