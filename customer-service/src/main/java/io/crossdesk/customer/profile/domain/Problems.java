package io.crossdesk.customer.profile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects what is wrong with several details, so that one answer can name every one of them. */
public final class Problems {

  private final List<FieldProblem> found = new ArrayList<>();

  /** The value {@code parse} makes, or null after noting why it refused, under {@code field}. */
  public <T> T check(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidCustomerException e) {
      e.problems().forEach(problem -> add(field, problem.message()));
      return null;
    }
  }

  public void add(String field, String message) {
    found.add(new FieldProblem(field, message));
  }

  public boolean names(String field) {
    return found.stream().anyMatch(problem -> problem.field().equals(field));
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /**
   * @throws InvalidCustomerException naming every problem found, if there is one
   */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidCustomerException(found);
    }
  }
}
