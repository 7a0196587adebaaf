package io.crossdesk.workorder.order.web;

import io.crossdesk.workorder.order.domain.StepConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A step not in a state for the action is a conflict. */
@RestControllerAdvice
class WorkOrderProblems {

  @ExceptionHandler(StepConflictException.class)
  ProblemDetail stepConflict(StepConflictException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }
}
