package io.crossdesk.benchmark.result;

/**
 * What became of the tickets a phase asked for, from the events on the topics.
 *
 * @param openedPerSecond opened tickets over the time from the phase's start to the latest ce_time
 *     of their TicketOpened events
 * @param routedPerSecond routed tickets over the time from the phase's start to the latest
 *     timestamp of their WorkOrderRouted records
 * @param notOpened no TicketOpened seen when the phase ended (not opened or not yet published)
 * @param unrouted opened but no WorkOrderRouted seen when the phase ended
 * @param openToRouted TicketOpened ce_time to WorkOrderRouted record timestamp, routed tickets
 */
public record Tickets(
    long expected,
    long opened,
    double openedPerSecond,
    long routed,
    double routedPerSecond,
    long notOpened,
    long unrouted,
    LatencySummary openToRouted) {}
