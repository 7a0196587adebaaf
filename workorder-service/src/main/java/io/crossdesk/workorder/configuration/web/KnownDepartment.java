package io.crossdesk.workorder.configuration.web;

import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.department.domain.Department;
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

/**
 * The text must be the id of a department as configured now ({@code network-ops}), so an unknown
 * department is an error of its field like any other invalid value. Blank is left to
 * {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = KnownDepartment.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownDepartment {

  /** Replaced by a message listing the department ids. */
  String message() default "must be a department id";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks {@link KnownDepartment} against the departments configured now. */
  class Validator implements ConstraintValidator<KnownDepartment, String> {

    private final RoutingConfiguration configuration;

    Validator(RoutingConfiguration configuration) {
      this.configuration = configuration;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null
          || value.isBlank()
          || configuration.current().departments().contains(value)) {
        return true;
      }
      String ids =
          configuration.current().departments().all().stream()
              .map(Department::id)
              .collect(Collectors.joining(", "));
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate("must be one of " + ids)
          .addConstraintViolation();
      return false;
    }
  }
}
