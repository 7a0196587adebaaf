package io.crossdesk.ticket.ticket.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.ticket.ticket.domain.InvalidTicketException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The project's rule: invalid request fields answer 400 with {@code errors}, a business rule that
 * refuses a well-formed request answers 422 (InvalidRequestException, e.g. an unknown customer).
 * The domain's own field checks are of the first kind. The request records mirror them, so this
 * answers only should the two ever drift apart, and then as Bean Validation would.
 */
@RestControllerAdvice
class InvalidTicketAdvice {

  @ExceptionHandler(InvalidTicketException.class)
  ProblemDetail invalid(InvalidTicketException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setProperty("errors", List.of(new FieldError(exception.field(), exception.reason())));
    return problem;
  }
}
