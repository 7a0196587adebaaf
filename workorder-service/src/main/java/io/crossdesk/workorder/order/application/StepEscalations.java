package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.order.domain.EscalationPolicy;
import io.crossdesk.workorder.order.domain.EscalationPolicy.Threshold;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.WorkOrder;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Keeps one escalation timer per open step, at the next threshold of its OLA. Timers are scheduled
 * before the work-order write that makes them apply and cancelled after the write that makes them
 * moot, so a crash leaves at worst a timer that finds nothing to do.
 */
@Component
@EnableConfigurationProperties(EscalationProperties.class)
public class StepEscalations {

  public static final String KIND = "workorder.step-escalation";

  private final Deadlines deadlines;
  private final EscalationPolicy policy;

  StepEscalations(Deadlines deadlines, EscalationProperties properties) {
    this.deadlines = deadlines;
    this.policy = properties.policy();
  }

  /** Before writing {@code after}: the timers its open steps need that {@code before} had not. */
  public void scheduleNew(WorkOrder before, WorkOrder after, Calendars calendars) {
    for (Step step : after.steps()) {
      Optional<Threshold> next = next(after, step, calendars);
      if (next.isPresent() && !next.equals(previous(before, step.id(), calendars))) {
        Threshold threshold = next.get();
        deadlines.schedule(
            key(after, step),
            threshold.at(),
            Map.of(
                "level", Integer.toString(threshold.level()),
                "percent", Integer.toString(threshold.percent()),
                "readyAt", step.readyAt().toString()));
      }
    }
  }

  /** After writing {@code after}: the timers of steps that left their queue. */
  public void cancelMoot(WorkOrder before, WorkOrder after, Calendars calendars) {
    if (before == null) {
      return;
    }
    for (Step step : before.steps()) {
      Optional<Threshold> had = next(before, step, calendars);
      Optional<Step> now = after.step(step.id());
      if (had.isPresent() && (now.isEmpty() || next(after, now.get(), calendars).isEmpty())) {
        deadlines.cancel(key(after, step));
      }
    }
  }

  private Optional<Threshold> previous(WorkOrder before, String stepId, Calendars calendars) {
    if (before == null) {
      return Optional.empty();
    }
    return before.step(stepId).flatMap(step -> next(before, step, calendars));
  }

  private Optional<Threshold> next(WorkOrder order, Step step, Calendars calendars) {
    return policy.next(step, order.ticket().customerTier(), calendars);
  }

  static DeadlineKey key(WorkOrder order, Step step) {
    return new DeadlineKey(KIND, Objects.requireNonNull(order.id()), step.id());
  }
}
