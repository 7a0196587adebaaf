package io.crossdesk.workorder.routing.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Picks the flow of a ticket: the first rule by order whose conditions match, else the default. */
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

  public RoutingDecision route(RoutingRequest ticket) {
    RoutingRule rule =
        rules.stream()
            .filter(candidate -> candidate.matches(ticket))
            .findFirst()
            .orElse(defaultRule);
    Priority priority = ticket.priority() == null ? Priority.NORMAL : ticket.priority();
    return new RoutingDecision(rule, rule.template(), rule.priorityFor(priority));
  }
}
