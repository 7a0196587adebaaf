package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.crossdesk.platform.web.NotFoundException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalates a step when its timer fires. The step escalates only if it is still open, still in the
 * turn the timer was set for (the same ready time) and below the level: so a timer that fires
 * twice, late, or on two instances escalates once. The change schedules the next level's timer.
 */
@Component
class StepEscalationHandler implements DeadlineHandler {

  private static final Logger log = LoggerFactory.getLogger(StepEscalationHandler.class);

  private final WorkOrderMoves moves;

  StepEscalationHandler(WorkOrderMoves moves) {
    this.moves = moves;
  }

  @Override
  public String kind() {
    return StepEscalations.KIND;
  }

  @Override
  public void fire(FiredDeadline deadline) {
    String stepId = deadline.key().name();
    int level = Integer.parseInt(deadline.data("level"));
    int percent = Integer.parseInt(deadline.data("percent"));
    Instant readyAt = Instant.parse(deadline.data("readyAt"));
    try {
      moves.apply(
          deadline.key().aggregateId(),
          (order, configuration, now) ->
              order.escalate(stepId, readyAt, level, percent, now, configuration.departments()));
    } catch (NotFoundException gone) {
      // Scheduled before a work order that was never stored (a duplicate round): nothing to do.
      log.debug("Escalation timer for missing work order {}", deadline.key().aggregateId());
    }
  }
}
