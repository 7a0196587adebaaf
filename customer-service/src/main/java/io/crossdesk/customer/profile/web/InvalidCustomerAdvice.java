package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.contactpoint.domain.ContactPointTakenException;
import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import io.crossdesk.customer.profile.domain.StaleRevisionException;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Customer details the domain refuses are invalid fields like any other: 400 with every field at
 * fault, never 500. A phone or e-mail of another customer is a conflict naming that customer; an
 * edit of an outdated copy fails its precondition.
 */
@RestControllerAdvice
class InvalidCustomerAdvice {

  @ExceptionHandler(InvalidCustomerException.class)
  ProblemDetail invalid(InvalidCustomerException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setProperty(
        "errors",
        exception.problems().stream()
            .map(found -> new FieldError(found.field(), found.message()))
            .toList());
    return problem;
  }

  @ExceptionHandler(ContactPointTakenException.class)
  ProblemDetail taken(ContactPointTakenException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage() + ".");
    problem.setProperty("existingCustomerId", exception.ownerId());
    problem.setProperty(
        "errors",
        java.util.List.of(
            new FieldError(
                exception.field(), "already belongs to customer " + exception.ownerId())));
    return problem;
  }

  @ExceptionHandler(StaleRevisionException.class)
  ProblemDetail stale(StaleRevisionException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, exception.getMessage());
  }

  @ExceptionHandler(Revisions.PreconditionRequiredException.class)
  ProblemDetail required(Revisions.PreconditionRequiredException exception) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.PRECONDITION_REQUIRED, exception.getMessage());
  }
}
