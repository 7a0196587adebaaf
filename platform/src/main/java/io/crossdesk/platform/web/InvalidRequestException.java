package io.crossdesk.platform.web;

import java.util.List;

/** A request that is well-formed but cannot be accepted, with the offending fields. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public static InvalidRequestException field(String field, String message) {
    return new InvalidRequestException(message, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One field that is wrong and why. */
  public record FieldError(String field, String message) {}
}
