package io.crossdesk.notification.webhook.web;

import io.crossdesk.notification.webhook.application.OwnAddresses;
import io.crossdesk.notification.webhook.domain.WebhookUrl;
import io.crossdesk.notification.webhook.domain.WebhookUrlRefusedException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A URL a subscription may take deliveries at ({@link WebhookUrl}); null passes. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebhookAddress.Validator.class)
@interface WebhookAddress {

  String message() default "must be an http or https URL outside the system";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<WebhookAddress, String> {

    private final OwnAddresses own;

    Validator(OwnAddresses own) {
      this.own = own;
    }

    @Override
    public boolean isValid(String url, ConstraintValidatorContext context) {
      if (url == null) {
        return true;
      }
      try {
        WebhookUrl.check(url, own.all());
        return true;
      } catch (WebhookUrlRefusedException refused) {
        context.disableDefaultConstraintViolation();
        context
            .buildConstraintViolationWithTemplate(refused.getMessage().replace("{", "("))
            .addConstraintViolation();
        return false;
      }
    }
  }
}
