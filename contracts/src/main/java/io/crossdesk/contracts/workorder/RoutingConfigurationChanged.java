package io.crossdesk.contracts.workorder;

import java.time.Instant;

/**
 * An administrator changed a department, a flow template or a routing rule. Key and subject: {@code
 * <kind>:<itemId>}.
 *
 * @param kind DEPARTMENT, FLOW_TEMPLATE or ROUTING_RULE
 * @param version the flow template's new version; 0 for the other kinds
 * @param action CREATED, UPDATED or DELETED
 */
public record RoutingConfigurationChanged(
    String kind, String itemId, int version, String action, String changedBy, Instant changedAt) {}
