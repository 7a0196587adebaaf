package io.crossdesk.workorder.order.domain;

/** The step is not in a state to take this action, or the caller may not take it. */
public class StepConflictException extends RuntimeException {

  public StepConflictException(String message) {
    super(message);
  }
}
