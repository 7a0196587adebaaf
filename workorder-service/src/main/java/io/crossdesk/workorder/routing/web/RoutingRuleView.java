package io.crossdesk.workorder.routing.web;

import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.List;

/** A routing rule as the API shows it. */
public record RoutingRuleView(
    String id, List<String> categories, String department, int order, String description) {

  static RoutingRuleView of(RoutingRule rule) {
    return new RoutingRuleView(
        rule.id(),
        List.copyOf(rule.categories()),
        rule.department().id(),
        rule.order(),
        rule.description());
  }
}
