package io.crossdesk.contracts.intake;

/**
 * Another enterprise system asks for a ticket. The pair (sourceSystem, externalId) identifies the
 * request: however often it is delivered, it opens one ticket. Key: externalId.
 */
public record TicketRequested(
    String sourceSystem,
    String externalId,
    String customerId,
    String channel,
    String category,
    String priority,
    String title,
    String description) {}
