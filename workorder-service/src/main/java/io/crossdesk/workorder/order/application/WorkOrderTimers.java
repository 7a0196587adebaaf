package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.aggregate.SideWrites;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.order.domain.WorkOrder;
import org.springframework.stereotype.Component;

/**
 * Keeps the escalation timers of a work order's steps in step with each write: the timers the new
 * state needs are scheduled before it is written, those of steps that left their queue cancelled
 * after.
 */
@Component
class WorkOrderTimers implements SideWrites<WorkOrder> {

  private final StepEscalations escalations;
  private final RoutingConfiguration configuration;

  WorkOrderTimers(StepEscalations escalations, RoutingConfiguration configuration) {
    this.escalations = escalations;
    this.configuration = configuration;
  }

  @Override
  public void before(WorkOrder before, WorkOrder after) {
    escalations.scheduleNew(before, after, configuration.current().departments());
  }

  @Override
  public void after(WorkOrder before, WorkOrder after) {
    escalations.cancelMoot(before, after, configuration.current().departments());
  }
}
