package io.crossdesk.workorder.order.domain;

import java.time.Instant;

/** What a change of a work order announces; the service turns each into an event. */
public sealed interface WorkOrderFact {

  /** A step entered its department's queue. */
  record StepReady(Step step) implements WorkOrderFact {}

  /** A ready step was given to a member by the department's intake rule. */
  record StepAssigned(Step step, String member, String rule) implements WorkOrderFact {}

  record StepStarted(Step step, String by) implements WorkOrderFact {}

  record StepDone(Step step, String by) implements WorkOrderFact {}

  record ComplaintSettled(Step step, String resolution, RootCause rootCause, String by)
      implements WorkOrderFact {}

  record StepReturned(Step step, Step to, String reason, String by) implements WorkOrderFact {}

  record StepTransferred(Step step, String from, String reason, String by)
      implements WorkOrderFact {}

  record StepEscalated(Step step, int level, int thresholdPercent) implements WorkOrderFact {}

  record Completed(String resolution, String department) implements WorkOrderFact {}

  /** The work that resolves the request is done; only follow-up steps are left. */
  record Resolved(String resolution, String department, Instant at) implements WorkOrderFact {}

  /** A step left its queue unfinished; {@code step} is as it was in the queue. */
  record StepWithdrawn(Step step, String reason) implements WorkOrderFact {}

  /** The work order ended without its work being done. */
  record Closed(WorkOrderStatus status, String reason) implements WorkOrderFact {}
}
