package io.crossdesk.ticket.ticket.web;

import io.crossdesk.ticket.ticket.domain.Enums;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@link OneOf} and names the allowed values in its message. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

  private Set<String> allowed;
  private String message;

  @Override
  public void initialize(OneOf annotation) {
    allowed =
        Arrays.stream(annotation.value().getEnumConstants())
            .map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    message = "must be one of " + Enums.allowed(annotation.value());
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || allowed.contains(value)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
    return false;
  }
}
