package io.crossdesk.ticket.sla.web;

import io.crossdesk.platform.time.CalendarSpec;
import io.crossdesk.platform.web.InvalidRequestException.FieldError;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.ticket.sla.domain.SlaPolicy;
import io.crossdesk.ticket.sla.domain.TargetRule;
import io.crossdesk.ticket.sla.persistence.SlaPolicies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The SLA policy. Staff read it; an ADMIN replaces it, which stores a new version: tickets already
 * open keep the version they were opened under.
 */
@RestController
@RequestMapping("/api/tickets/sla-policy")
class SlaPolicyController {

  private final SlaPolicies policies;

  SlaPolicyController(SlaPolicies policies) {
    this.policies = policies;
  }

  @GetMapping
  @PreAuthorize(Can.READ_SLA_POLICY)
  SlaPolicy current() {
    return policies.current();
  }

  @GetMapping("/versions/{version}")
  @PreAuthorize(Can.READ_SLA_POLICY)
  SlaPolicy version(@PathVariable int version) {
    SlaPolicy policy = policies.all().get(version);
    if (policy == null) {
      throw new NotFoundException("No SLA policy version " + version + ".");
    }
    return policy;
  }

  @PutMapping
  @PreAuthorize(Can.EDIT_CONFIGURATION)
  SlaPolicy replace(@Valid @RequestBody PolicyRequest request, @AuthenticationPrincipal Jwt jwt) {
    SlaPolicy edited;
    try {
      edited =
          new SlaPolicy(
              0,
              request.calendar(),
              request.targets(),
              request.escalationPercents(),
              request.earlyEscalationPercents(),
              request.autoCloseAfter() == null ? "P7D" : request.autoCloseAfter(),
              null,
              null);
    } catch (IllegalArgumentException | NullPointerException invalid) {
      throw invalidPolicy(String.valueOf(invalid.getMessage()), invalid);
    }
    try {
      return policies.publish(edited, Caller.of(jwt).subject());
    } catch (DuplicateKeyException concurrentEdit) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Another edit of the policy was stored first; read it and retry.");
    }
  }

  /** Answered like any other invalid field: 400, the field and the reason under errors. */
  private static ErrorResponseException invalidPolicy(String reason, Throwable cause) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
    problem.setProperty("errors", List.of(new FieldError("policy", reason)));
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, cause);
  }

  record PolicyRequest(
      @NotNull CalendarSpec calendar,
      @NotEmpty List<@NotNull TargetRule> targets,
      @NotEmpty List<@NotNull Integer> escalationPercents,
      @NotEmpty List<@NotNull Integer> earlyEscalationPercents,
      String autoCloseAfter) {}
}
