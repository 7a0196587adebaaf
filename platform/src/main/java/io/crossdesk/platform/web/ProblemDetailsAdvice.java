package io.crossdesk.platform.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error answers with RFC 9457 problem details; validation errors list each offending field
 * under {@code errors}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        exception.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .toList();
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    return handleExceptionInternal(exception, problem, headers, status, request);
  }

  /** Constraints on query and path parameters, listed like invalid body fields. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        exception.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldError(
                                    result.getMethodParameter().getParameterName(),
                                    error.getDefaultMessage())))
            .toList();
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters.", errors);
    return handleExceptionInternal(exception, problem, headers, status, request);
  }

  /** Unreadable JSON names the field it failed on when the parser knows it. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Optional<FieldError> field = UnreadableBodies.fieldOf(exception);
    List<FieldError> errors = field.map(List::of).orElse(List.of());
    String detail =
        field
            .map(error -> "The request body has an unreadable value for " + error.field() + ".")
            .orElse("The request body is not valid JSON for this resource.");
    return handleExceptionInternal(
        exception, problem(HttpStatus.BAD_REQUEST, detail, errors), headers, status, request);
  }

  /**
   * A key that could be read as a query operator or a document path, or text that is not text:
   * refused before binding.
   */
  @ExceptionHandler(RequestJsonConverter.RefusedBodyException.class)
  ProblemDetail refusedBody(RequestJsonConverter.RefusedBodyException exception) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "The request body is not accepted at " + exception.pointer() + ".",
        List.of(new FieldError(exception.pointer(), exception.getMessage())));
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException exception) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage(), exception.errors());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("errors", errors);
    return problem;
  }
}
