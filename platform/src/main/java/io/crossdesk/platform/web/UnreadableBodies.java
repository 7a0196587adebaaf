package io.crossdesk.platform.web;

import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Where in a body the JSON parser gave up, for error answers of any shape. */
public final class UnreadableBodies {

  private UnreadableBodies() {}

  /**
   * The field the parser failed on ({@code steps[2].due}) and why, when it knows the field; empty
   * for a body that is no JSON at all.
   */
  public static Optional<FieldError> fieldOf(HttpMessageNotReadableException exception) {
    if (!(exception.getMostSpecificCause() instanceof JacksonException jackson)) {
      return Optional.empty();
    }
    String field =
        jackson.getPath().stream()
            .map(
                reference ->
                    reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return field.isEmpty()
        ? Optional.empty()
        : Optional.of(new FieldError(field, jackson.getOriginalMessage()));
  }
}
