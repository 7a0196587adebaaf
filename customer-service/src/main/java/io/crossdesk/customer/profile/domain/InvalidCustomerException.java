package io.crossdesk.customer.profile.domain;

import java.util.List;

/** Customer details that break rules of the domain, naming every detail that is wrong. */
public class InvalidCustomerException extends IllegalArgumentException {

  private final List<FieldProblem> problems;

  public InvalidCustomerException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public InvalidCustomerException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid customer" : problems.get(0).message());
    this.problems = List.copyOf(problems);
  }

  /** The first field at fault. */
  public String field() {
    return problems.get(0).field();
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
