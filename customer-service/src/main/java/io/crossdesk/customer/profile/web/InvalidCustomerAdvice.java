package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.InvalidCustomerException;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A customer detail the domain refuses is an invalid field like any other: 400 with the field at
 * fault, never 500. The request's own validation finds most of them first, every field at once;
 * this answers the rest, such as a quoted e-mail address with blanks that {@code @Email} accepts.
 */
@RestControllerAdvice
class InvalidCustomerAdvice {

  @ExceptionHandler(InvalidCustomerException.class)
  ProblemDetail invalid(InvalidCustomerException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setProperty(
        "errors", List.of(new FieldError(exception.field(), exception.getMessage())));
    return problem;
  }
}
