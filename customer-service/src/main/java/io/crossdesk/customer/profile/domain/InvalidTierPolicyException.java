package io.crossdesk.customer.profile.domain;

import java.util.List;

/** A tier policy that would leave a tier unreachable or the thresholds out of order. */
public class InvalidTierPolicyException extends IllegalArgumentException {

  private final List<FieldProblem> problems;

  public InvalidTierPolicyException(List<FieldProblem> problems) {
    super(problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
