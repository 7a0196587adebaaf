package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.aggregate.Timer;
import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.order.domain.EscalationPolicy;
import io.crossdesk.workorder.order.domain.EscalationPolicy.Threshold;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.WorkOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * One escalation timer per open step, at the next threshold of its OLA; a step that left its queue
 * needs none. The work order's own write carries them ({@link WorkOrderTimers}).
 */
@Component
@EnableConfigurationProperties(EscalationProperties.class)
public class StepEscalations {

  public static final String KIND = "workorder.step-escalation";

  private final EscalationPolicy policy;

  StepEscalations(EscalationProperties properties) {
    this.policy = properties.policy();
  }

  /** The timers of the order's open steps, each named after its step. */
  public List<Timer> timersOf(WorkOrder order, Calendars calendars) {
    List<Timer> timers = new ArrayList<>();
    for (Step step : order.steps()) {
      Optional<Threshold> next = policy.next(step, order.ticket().customerTier(), calendars);
      next.ifPresent(
          threshold ->
              timers.add(
                  new Timer(
                      KIND,
                      step.id(),
                      threshold.at(),
                      Map.of(
                          "level", Integer.toString(threshold.level()),
                          "percent", Integer.toString(threshold.percent()),
                          "readyAt", step.readyAt().toString()))));
    }
    return timers;
  }
}
