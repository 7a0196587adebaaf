package io.crossdesk.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Arrays;
import java.util.List;

/** Checks {@link OneOf}; a missing or blank value is left to {@code @NotBlank}. */
public class OneOfValidator implements ConstraintValidator<OneOf, String> {

  private List<String> accepted;

  @Override
  public void initialize(OneOf constraint) {
    accepted = Arrays.stream(constraint.value().getEnumConstants()).map(Enum::name).toList();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || value.isBlank() || accepted.contains(value)) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate("must be one of " + String.join(", ", accepted))
        .addConstraintViolation();
    return false;
  }
}
