package io.crossdesk.notification.webhook.web;

import io.crossdesk.notification.webhook.application.SubscribableEvents;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Event types of the catalogue that webhooks offer; null passes. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SubscribableTypes.Validator.class)
@interface SubscribableTypes {

  String message() default "must be event types of the catalogue";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<SubscribableTypes, Collection<String>> {

    @Override
    public boolean isValid(Collection<String> types, ConstraintValidatorContext context) {
      if (types == null) {
        return true;
      }
      Set<String> known = SubscribableEvents.types();
      Set<String> unknown = new TreeSet<>();
      for (String type : types) {
        if (type == null || !known.contains(type)) {
          unknown.add(String.valueOf(type));
        }
      }
      if (unknown.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "unknown or not offered event types "
                  + String.join(", ", unknown).replace("{", "(")
                  + "; offered: "
                  + String.join(", ", new TreeSet<>(known)))
          .addConstraintViolation();
      return false;
    }
  }
}
