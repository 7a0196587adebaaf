package io.crossdesk.workorder.configuration.domain;

import java.util.List;
import java.util.stream.Collectors;

/** An administrator's change that would leave the configuration unusable; nothing is stored. */
public class ConfigurationRejectedException extends RuntimeException {

  private final transient List<Violation> violations;

  public ConfigurationRejectedException(List<Violation> violations) {
    super(
        violations.stream()
            .map(violation -> violation.field() + ": " + violation.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public static ConfigurationRejectedException of(String field, String message) {
    return new ConfigurationRejectedException(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
