package io.crossdesk.customer.registration.web;

import io.crossdesk.customer.registration.domain.InvalidCustomerException;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A domain rule broken by a request answers like any other rejected request: 422 with the field at
 * fault, never 500.
 */
@RestControllerAdvice
class InvalidCustomerAdvice {

  @ExceptionHandler(InvalidCustomerException.class)
  ProblemDetail invalid(InvalidCustomerException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT, "The customer details break a rule.");
    problem.setProperty(
        "errors", List.of(new FieldError(exception.field(), exception.getMessage())));
    return problem;
  }
}
