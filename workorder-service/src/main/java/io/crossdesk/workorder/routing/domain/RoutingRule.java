package io.crossdesk.workorder.routing.domain;

import java.util.Objects;

/**
 * Sends the tickets that match its conditions into a flow, optionally changing their priority.
 * Rules are tried by ascending {@code order}; the {@code default} rule comes last and takes every
 * ticket.
 *
 * @param priorityChange null to leave the priority as it is
 */
public record RoutingRule(
    String id,
    int order,
    RoutingConditions conditions,
    String template,
    PriorityChange priorityChange,
    String description) {

  public static final String DEFAULT_ID = "default";

  public RoutingRule {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a routing rule needs an id");
    }
    Objects.requireNonNull(template, "template");
    conditions = conditions == null ? RoutingConditions.ANY : conditions;
    description = description == null ? "" : description;
  }

  public boolean matches(RoutingRequest ticket) {
    return isDefault() || conditions.matches(ticket);
  }

  public boolean isDefault() {
    return DEFAULT_ID.equals(id);
  }

  public Priority priorityFor(Priority priority) {
    return priorityChange == null ? priority : priorityChange.applyTo(priority);
  }
}
