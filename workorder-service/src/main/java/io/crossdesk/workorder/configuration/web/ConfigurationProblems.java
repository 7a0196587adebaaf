package io.crossdesk.workorder.configuration.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.workorder.configuration.domain.ConfigurationRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A configuration that cannot work is a bad request naming each field. */
@RestControllerAdvice
class ConfigurationProblems {

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
}
