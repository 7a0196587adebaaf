package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import io.crossdesk.ticket.lifecycle.domain.TicketConflictException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The project's rule: invalid request fields answer 400 with {@code errors}, a business rule that
 * refuses a well-formed request answers 422 (InvalidRequestException, e.g. an unknown customer),
 * and a move the ticket's state does not allow answers 409. The domain's own field checks are of
 * the first kind: an unknown category, say, names the valid ones.
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

  @ExceptionHandler(TicketConflictException.class)
  ProblemDetail conflict(TicketConflictException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
    problem.setTitle("Not possible in the ticket's current state");
    return problem;
  }
}
