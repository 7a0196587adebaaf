package io.crossdesk.ticket.ticket.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string must be the name of one of the enum's constants (null passes; add @NotNull). Binding
 * straight to the enum would reject an unknown value as unreadable JSON without naming the field.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOfValidator.class)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  String message() default "must be one of the allowed values";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
