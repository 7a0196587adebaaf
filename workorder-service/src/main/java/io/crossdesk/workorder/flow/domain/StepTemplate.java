package io.crossdesk.workorder.flow.domain;

import java.util.List;

/**
 * One step of a flow.
 *
 * @param after the steps that must be done (or skipped) before this one becomes ready; steps with
 *     the same predecessors run in parallel
 * @param onlyIfOutcome when set, the step runs only if one of the steps before it finished with
 *     this outcome (a refund to approve, a complaint raised at acceptance); otherwise it is skipped
 * @param resolving completing it resolves the customer's complaint (ComplaintResolved)
 */
public record StepTemplate(
    String id,
    String name,
    StepKind kind,
    String department,
    Ola ola,
    List<String> after,
    String onlyIfOutcome,
    Boolean resolving) {

  public StepTemplate {
    after = after == null ? List.of() : List.copyOf(after);
    kind = kind == null ? StepKind.TASK : kind;
    // Optional in requests: only a complaint's resolving step says so.
    resolving = Boolean.TRUE.equals(resolving);
  }

  public boolean isResolving() {
    return resolving;
  }

  public boolean isConditional() {
    return onlyIfOutcome != null;
  }
}
