package io.crossdesk.workorder.routing.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the lead department of a request by its category: the first rule by order that names the
 * category, otherwise the default rule.
 */
public final class Router {

  private final List<RoutingRule> rules;
  private final RoutingRule defaultRule;

  public Router(Collection<RoutingRule> rules) {
    this.rules =
        rules.stream()
            .filter(rule -> !rule.isDefault())
            .sorted(Comparator.comparingInt(RoutingRule::order).thenComparing(RoutingRule::id))
            .toList();
    // Without a stored default nothing may go unrouted: the standard default takes its place.
    this.defaultRule =
        rules.stream()
            .filter(RoutingRule::isDefault)
            .findFirst()
            .orElse(StandardRoutingRules.DEFAULT);
  }

  public RoutingRule route(String category) {
    return rules.stream().filter(rule -> rule.matches(category)).findFirst().orElse(defaultRule);
  }
}
