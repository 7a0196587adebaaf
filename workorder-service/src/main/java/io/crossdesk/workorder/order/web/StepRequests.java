package io.crossdesk.workorder.order.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.workorder.configuration.web.KnownDepartment;
import io.crossdesk.workorder.order.domain.RootCause;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the step moves. */
final class StepRequests {

  private StepRequests() {}

  /**
   * @param outcome an upper-case word, DONE when missing; conditional steps wait for outcomes such
   *     as REFUND or COMPLAINT
   * @param resolution and {@code rootCause}: required on the resolving step of a complaint
   */
  record Complete(
      @Pattern(regexp = "[A-Z][A-Z_]{1,39}") String outcome,
      @Size(max = 5000) String notes,
      @Size(max = 5000) String resolution,
      @OneOf(RootCause.class) String rootCause) {

    RootCause rootCauseValue() {
      return rootCause == null ? null : RootCause.valueOf(rootCause);
    }
  }

  record Return(@NotBlank @Size(max = 2000) String reason) {}

  record Transfer(
      @NotBlank @KnownDepartment String department, @NotBlank @Size(max = 2000) String reason) {}
}
