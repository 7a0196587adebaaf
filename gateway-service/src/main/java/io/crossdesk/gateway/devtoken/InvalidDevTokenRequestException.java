package io.crossdesk.gateway.devtoken;

import java.util.List;

/** A token request that breaks the rules of {@link DevTokenRequest#errors()}. */
class InvalidDevTokenRequestException extends RuntimeException {

  private final transient List<FieldError> errors;

  InvalidDevTokenRequestException(List<FieldError> errors) {
    super("The token request has invalid fields.");
    this.errors = List.copyOf(errors);
  }

  List<FieldError> errors() {
    return errors;
  }
}
