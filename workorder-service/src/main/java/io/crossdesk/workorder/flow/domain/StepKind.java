package io.crossdesk.workorder.flow.domain;

/** What sort of work a step is. */
public enum StepKind {
  TASK,
  /** A supervisor's decision: only a SUPERVISOR may complete it. */
  APPROVAL,
  /** The customer accepts the work, recorded by the department that asks them. */
  CUSTOMER_ACCEPTANCE,
  /** A call-back or survey after the work is done. */
  FOLLOW_UP
}
