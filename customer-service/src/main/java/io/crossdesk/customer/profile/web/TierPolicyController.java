package io.crossdesk.customer.profile.web;

import io.crossdesk.customer.profile.application.TierPolicies;
import io.crossdesk.customer.profile.domain.InvalidTierPolicyException;
import io.crossdesk.customer.profile.domain.TierPolicy;
import io.crossdesk.customer.profile.domain.TierThreshold;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/tier-policy")
class TierPolicyController {

  private final TierPolicies policies;

  TierPolicyController(TierPolicies policies) {
    this.policies = policies;
  }

  @GetMapping
  @PreAuthorize(Can.MANAGE_CUSTOMERS)
  @Operation(summary = "The tier policy in force")
  PolicyView current() {
    return PolicyView.of(policies.current());
  }

  @PutMapping
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  @Operation(
      summary = "Set the next version of the tier policy",
      description =
          "A customer reaches a tier by both thresholds; A must ask at least what B asks and more"
              + " in something, B must ask something. Customers whose tier follows the policy are"
              + " re-tiered in the background; overrides stay.")
  PolicyView set(@Valid @RequestBody PolicyRequest request, @AuthenticationPrincipal Jwt token) {
    return PolicyView.of(
        policies.set(request.a().toThreshold(), request.b().toThreshold(), token.getSubject()));
  }

  @ExceptionHandler(InvalidTierPolicyException.class)
  ProblemDetail invalid(InvalidTierPolicyException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setProperty(
        "errors",
        exception.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    return problem;
  }

  @ExceptionHandler(TierPolicies.ConcurrentPolicyChangeException.class)
  ProblemDetail concurrent(TierPolicies.ConcurrentPolicyChangeException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
  }

  record ThresholdBody(
      @NotNull @DecimalMin("0") BigDecimal minYearlyRevenue,
      @NotNull @Min(0) @Max(100) Integer minTenureYears) {

    TierThreshold toThreshold() {
      return new TierThreshold(minYearlyRevenue, minTenureYears);
    }

    static ThresholdBody of(TierThreshold threshold) {
      return new ThresholdBody(threshold.minYearlyRevenue(), threshold.minTenureYears());
    }
  }

  record PolicyRequest(@NotNull @Valid ThresholdBody a, @NotNull @Valid ThresholdBody b) {}

  record PolicyView(int version, ThresholdBody a, ThresholdBody b, Instant setAt, String setBy) {
    static PolicyView of(TierPolicy policy) {
      return new PolicyView(
          policy.version(),
          ThresholdBody.of(policy.a()),
          ThresholdBody.of(policy.b()),
          policy.setAt(),
          policy.setBy());
    }
  }
}
