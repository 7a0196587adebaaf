package io.crossdesk.workorder.order.domain;

import io.crossdesk.workorder.department.domain.Calendars;
import io.crossdesk.workorder.flow.domain.StepKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a work order is expected to be done: along the longest path of the steps still to do, each
 * starting when the last step before it is expected to finish and taking its OLA in its
 * department's calendar. A step in a queue is expected at its due time, or now once it is overdue.
 * Conditional steps still waiting are left out: the prediction follows the usual path, and moves
 * when an exception (a refund, a complaint at acceptance) comes true. Follow-up steps are left out
 * too: the customer is told when their request will be resolved, and the call-back comes after.
 */
public final class ExpectedCompletion {

  private ExpectedCompletion() {}

  /** Null once every step but the follow-ups is finished. */
  public static Instant of(List<Step> steps, Calendars calendars, Instant now) {
    if (steps.stream().allMatch(step -> step.status().isFinished() || isFollowUp(step))) {
      return null;
    }
    Map<String, Step> byId = new HashMap<>();
    steps.forEach(step -> byId.put(step.id(), step));
    Map<String, Instant> finish = new HashMap<>();
    Instant latest = now;
    for (Step step : steps) {
      if (isFollowUp(step)) {
        continue;
      }
      Instant end = finishOf(step, byId, finish, calendars, now);
      if (end != null && end.isAfter(latest)) {
        latest = end;
      }
    }
    return latest;
  }

  /** Steps are finished in dependency order; templates are validated free of cycles. */
  private static Instant finishOf(
      Step step,
      Map<String, Step> byId,
      Map<String, Instant> finish,
      Calendars calendars,
      Instant now) {
    if (finish.containsKey(step.id())) {
      return finish.get(step.id());
    }
    Instant end;
    if (step.status().isFinished()) {
      end = now;
    } else if (step.status().isOpen()) {
      end = step.dueAt().isAfter(now) ? step.dueAt() : now;
    } else if (step.definition().isConditional()) {
      end = null;
    } else {
      Instant start = now;
      for (String before : step.definition().after()) {
        Instant previous = finishOf(byId.get(before), byId, finish, calendars, now);
        if (previous != null && previous.isAfter(start)) {
          start = previous;
        }
      }
      end = step.definition().ola().dueFrom(start, calendars.of(step.department()));
    }
    finish.put(step.id(), end);
    return end;
  }

  private static boolean isFollowUp(Step step) {
    return step.definition().kind() == StepKind.FOLLOW_UP;
  }
}
