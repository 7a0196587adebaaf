package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * Every ticket the run asked for, at the end: each accepted REST request and each intake request
 * must have opened exactly one ticket, announced once, and routed to exactly one work order.
 * Redelivered events (the same ce_id again) are allowed and counted apart.
 *
 * @param expected accepted REST requests plus intake requests sent
 * @param notOpened no TicketOpened seen by the end (lost, or still waiting in an outbox)
 * @param unrouted opened but not routed by the end (lost, or still on its way)
 * @param openedTwice tickets announced by two distinct TicketOpened events
 * @param routedTwice tickets routed to two distinct work orders
 * @param requestOpenedTwice intake requests that opened two tickets
 * @param duplicateDeliveries by event type, deliveries of a ce_id seen before
 */
public record CountCheck(
    long expected,
    long opened,
    long routedExactlyOnce,
    long notOpened,
    long unrouted,
    long openedTwice,
    long routedTwice,
    long requestOpenedTwice,
    Map<String, Long> duplicateDeliveries,
    boolean passed) {}
