package io.crossdesk.workorder.order.application;

import io.crossdesk.contracts.workorder.StepResult;
import io.crossdesk.platform.events.InvalidEventException;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.order.domain.Performer;
import io.crossdesk.workorder.order.domain.RootCause;
import io.crossdesk.workorder.order.domain.StepConflictException;
import org.springframework.stereotype.Service;

/**
 * Applies a step result from a department system, once: the work order remembers the event ids it
 * applied in its history, so a redelivered result changes nothing. A result for an unknown work
 * order or step, or one the step is not in a state to take, can never succeed and is refused as an
 * invalid event, which dead-letters it with the reason.
 */
@Service
public class StepResults {

  private final WorkOrderMoves moves;

  StepResults(WorkOrderMoves moves) {
    this.moves = moves;
  }

  public void apply(String eventId, String source, StepResult result) {
    Performer system = Performer.system(result.performedBy() + " via " + source, eventId);
    try {
      moves.apply(
          result.workOrderId(),
          eventId,
          (order, configuration, now) -> {
            return "RETURNED".equals(result.outcome())
                ? order.returnStep(
                    result.stepId(), system, result.notes(), now, configuration.departments())
                : order.complete(
                    result.stepId(),
                    system,
                    "DONE",
                    result.notes(),
                    result.resolution(),
                    result.rootCause() == null ? null : RootCause.valueOf(result.rootCause()),
                    now,
                    configuration.departments());
          });
    } catch (NotFoundException | StepConflictException refused) {
      throw new InvalidEventException(
          "step result " + eventId + " cannot be applied: " + refused.getMessage(), refused);
    }
  }
}
