package io.crossdesk.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text must be the name of one of the constants of {@link #value()}. Requests carry such values
 * as text rather than as enums so that an unknown value is reported as an error of its field, next
 * to every other invalid field, instead of failing the whole body.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  /** Replaced by a message listing the accepted values. */
  String message() default "must be one of the accepted values";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
