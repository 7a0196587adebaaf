package io.crossdesk.workorder.routing.web;

import io.crossdesk.workorder.routing.domain.Department;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The text must be the id of a department ({@code network-ops}, not the constant's name), so an
 * unknown department is an error of its field like any other invalid value. Blank is left to
 * {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = KnownDepartment.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownDepartment {

  /** Replaced by a message listing the department ids. */
  String message() default "must be a department id";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link KnownDepartment}. */
  class Validator implements ConstraintValidator<KnownDepartment, String> {

    private static final String IDS =
        Arrays.stream(Department.values()).map(Department::id).collect(Collectors.joining(", "));

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank() || Department.byId(value).isPresent()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("must be one of " + IDS)
          .addConstraintViolation();
      return false;
    }
  }
}
