package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.PhoneNumber;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A phone number the domain accepts, reported as one error however many rules it breaks. */
@Documented
@NotBlank
@Size(min = PhoneNumber.MIN_LENGTH, max = PhoneNumber.MAX_LENGTH)
@Pattern(regexp = PhoneNumber.FORMAT)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface Phone {

  String message() default
      "must be "
          + PhoneNumber.MIN_LENGTH
          + " to "
          + PhoneNumber.MAX_LENGTH
          + " characters: digits with an optional leading +, spaces and dashes";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
