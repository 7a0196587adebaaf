package io.crossdesk.workorder.configuration.domain;

import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A rule must lead into a flow that exists; the default rule must match everything. */
public final class RoutingRuleValidation {

  private RoutingRuleValidation() {}

  public static List<Violation> check(RoutingRule rule, Predicate<String> knownTemplate) {
    List<Violation> violations = new ArrayList<>();
    if (!rule.id().matches("[a-z][a-z0-9-]{1,59}")) {
      violations.add(new Violation("id", "must be 2-60 lower-case letters, digits or '-'"));
    }
    if (!knownTemplate.test(rule.template())) {
      violations.add(new Violation("template", "unknown flow template '" + rule.template() + "'"));
    }
    if (rule.isDefault() && !rule.conditions().isEmpty()) {
      violations.add(
          new Violation("conditions", "the default rule takes every ticket: it has no conditions"));
    }
    if (!rule.isDefault() && rule.conditions().isEmpty()) {
      violations.add(
          new Violation("conditions", "a rule other than the default needs a condition"));
    }
    return violations;
  }
}
