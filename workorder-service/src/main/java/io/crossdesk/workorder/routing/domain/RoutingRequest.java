package io.crossdesk.workorder.routing.domain;

/** What routing looks at in a ticket. Any field may be missing. */
public record RoutingRequest(
    String ticketType,
    String category,
    String title,
    String description,
    String customerTier,
    String region,
    String channel,
    Priority priority) {}
