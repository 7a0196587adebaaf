package io.crossdesk.workorder.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.workorder.configuration.domain.ConfigurationRejectedException;
import io.crossdesk.workorder.order.domain.StepConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details for this service's own refusals: a configuration that cannot work is a bad
 * request naming each field; a step not in a state for the action is a conflict.
 */
@RestControllerAdvice
class WorkOrderProblems {

  @ExceptionHandler(ConfigurationRejectedException.class)
  ProblemDetail rejected(ConfigurationRejectedException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
    problem.setProperty(
        "errors",
        exception.violations().stream()
            .map(violation -> new FieldError(violation.field(), violation.message()))
            .toList());
    return problem;
  }

  @ExceptionHandler(StepConflictException.class)
  ProblemDetail stepConflict(StepConflictException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }
}
