package io.crossdesk.ticket.ticket.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.ticket.ticket.domain.InvalidTicketException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's own checks, should a request pass Bean Validation but not them, answer like the
 * request validation does: 400 with the offending field.
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
