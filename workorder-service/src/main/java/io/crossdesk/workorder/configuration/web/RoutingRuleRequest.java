package io.crossdesk.workorder.configuration.web;

import io.crossdesk.workorder.routing.domain.PriorityChange;
import io.crossdesk.workorder.routing.domain.RoutingConditions;

/**
 * A routing rule as an administrator saves it.
 *
 * @param order where it is tried, lowest first; 500 when missing
 */
record RoutingRuleRequest(
    Integer order,
    RoutingConditions conditions,
    String template,
    PriorityChange priorityChange,
    String description) {}
