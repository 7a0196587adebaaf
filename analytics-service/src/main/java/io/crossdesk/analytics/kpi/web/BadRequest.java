package io.crossdesk.analytics.kpi.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 problem+json listing the fields or parameters a request got wrong, as validation does. */
public final class BadRequest {

  private BadRequest() {}

  public static ErrorResponseException parameter(String name, String reason, Throwable cause) {
    return of("The request has invalid parameters.", List.of(new FieldError(name, reason)), cause);
  }

  public static ErrorResponseException fields(List<FieldError> errors) {
    return of("The request has invalid fields.", errors, null);
  }

  private static ErrorResponseException of(
      String detail, List<FieldError> errors, Throwable cause) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setProperty("errors", errors);
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, cause);
  }
}
