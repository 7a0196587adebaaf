package io.crossdesk.workorder.routing.domain;

/** Which rule a ticket matched, the flow it goes into and the priority it gets. */
public record RoutingDecision(RoutingRule rule, String template, Priority priority) {}
