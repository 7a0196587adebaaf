package io.crossdesk.customer.profile.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters of a caller look-up: a phone number or an e-mail address, exactly one of
 * them. Blank counts as not given.
 */
@CustomerSearchParams.ExactlyOneKey
record CustomerSearchParams(String phone, String email) {

  CustomerSearchParams {
    phone = blankAsNull(phone);
    email = blankAsNull(email);
  }

  boolean byPhone() {
    return phone != null;
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** Neither or both is a malformed look-up, reported as an error of each parameter. */
  @Documented
  @Constraint(validatedBy = ExactlyOneKeyValidator.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface ExactlyOneKey {

    String message() default "search by phone or by email, exactly one of them";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Checks {@link ExactlyOneKey}. */
  public static class ExactlyOneKeyValidator
      implements ConstraintValidator<ExactlyOneKey, CustomerSearchParams> {

    @Override
    public boolean isValid(CustomerSearchParams params, ConstraintValidatorContext context) {
      if (params.byPhone() != (params.email() != null)) {
        return true;
      }
      String message = context.getDefaultConstraintMessageTemplate();
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(message)
          .addPropertyNode("phone")
          .addConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(message)
          .addPropertyNode("email")
          .addConstraintViolation();
      return false;
    }
  }
}
