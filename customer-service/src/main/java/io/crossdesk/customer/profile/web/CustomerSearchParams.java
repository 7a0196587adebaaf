package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.domain.Tier;
import io.crossdesk.platform.web.OneOf;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters of a customer search: a phone number or an e-mail address (exactly one,
 * alone), or any of a name prefix, tier and region, paged. Blank counts as not given.
 */
@CustomerSearchParams.OneKindOfSearch
record CustomerSearchParams(
    String phone,
    String email,
    @Size(min = 1, max = 200) String name,
    @OneOf(Tier.class) String tier,
    @Size(max = 64) String region,
    @Min(0) @Max(10_000) Integer page,
    @Min(1) @Max(100) Integer size) {

  CustomerSearchParams {
    phone = blankAsNull(phone);
    email = blankAsNull(email);
    name = blankAsNull(name);
    tier = blankAsNull(tier);
    region = blankAsNull(region);
    page = page == null ? 0 : page;
    size = size == null ? 20 : size;
  }

  boolean byPhone() {
    return phone != null;
  }

  boolean byEmail() {
    return email != null;
  }

  boolean byCriteria() {
    return name != null || tier != null || region != null;
  }

  Tier tierOrNull() {
    return tier == null ? null : Tier.valueOf(tier);
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Neither, or a mix, is a malformed search, reported as an error of phone and email. */
  @Documented
  @Constraint(validatedBy = OneKindOfSearchValidator.class)
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface OneKindOfSearch {

    String message() default
        "search by phone or by email (exactly one of them, alone), or by name, tier and region";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Checks {@link OneKindOfSearch}. */
  public static class OneKindOfSearchValidator
      implements ConstraintValidator<OneKindOfSearch, CustomerSearchParams> {

    @Override
    public boolean isValid(CustomerSearchParams params, ConstraintValidatorContext context) {
      int kinds =
          (params.byPhone() ? 1 : 0) + (params.byEmail() ? 1 : 0) + (params.byCriteria() ? 1 : 0);
      if (kinds == 1) {
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
