package io.crossdesk.notification.template.web;

import io.crossdesk.notification.template.domain.InvalidTemplateException;
import io.crossdesk.notification.template.domain.StaleTemplateException;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A template the domain refuses is a 400 naming every field at fault; an edit of an outdated copy
 * fails its precondition.
 */
@RestControllerAdvice(assignableTypes = TemplateController.class)
class TemplateProblemsAdvice {

  @ExceptionHandler(InvalidTemplateException.class)
  ProblemDetail invalid(InvalidTemplateException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The template is not valid.");
    problem.setProperty(
        "errors",
        exception.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    return problem;
  }

  @ExceptionHandler(StaleTemplateException.class)
  ProblemDetail stale(StaleTemplateException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, exception.getMessage());
  }

  @ExceptionHandler(Versions.PreconditionRequiredException.class)
  ProblemDetail required(Versions.PreconditionRequiredException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.PRECONDITION_REQUIRED, exception.getMessage());
  }
}
