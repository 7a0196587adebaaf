package io.crossdesk.workorder;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request collides with the state it finds, e.g. a flow template versioned meanwhile: answered
 * as 409 problem details. Module-wide, for every feature may refuse a request so.
 */
public class ConflictException extends ErrorResponseException {

  public ConflictException(String message) {
    super(
        HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message), null);
  }
}
