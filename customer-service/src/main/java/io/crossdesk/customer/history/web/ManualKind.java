package io.crossdesk.customer.history.web;

import io.crossdesk.customer.history.domain.ContactKind;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Collectors;

/** A kind of contact staff record by hand; the others only come from events. */
@Documented
@Constraint(validatedBy = ManualKind.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface ManualKind {

  String message() default "must be a kind recorded by hand";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link ManualKind}; blank is left to {@code @NotBlank}. */
  class Validator implements ConstraintValidator<ManualKind, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null
          || value.isBlank()
          || ContactKind.MANUAL.stream().anyMatch(kind -> kind.name().equals(value))) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be one of "
                  + ContactKind.MANUAL.stream().map(Enum::name).collect(Collectors.joining(", ")))
          .addConstraintViolation();
      return false;
    }
  }
}
