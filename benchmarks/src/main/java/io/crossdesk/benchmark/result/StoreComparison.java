package io.crossdesk.benchmark.result;

/**
 * One phase end to end against the store alone replaying the services' recorded commands.
 *
 * @param shareOfStoreAlone the phase's routed/s divided by the tickets/s the store alone allows
 * @param storeCpuMillisPerTicket CPU of the store process during the phase per ticket routed during
 *     it, end to end
 * @param storeCpuRatio storeCpuMillisPerTicket divided by the store-alone CPU per ticket: above 1
 *     means each ticket costs the store more end to end than in the replay
 * @param commandsPerTicket the services' driver commands per ticket routed during the phase
 * @param commandsRatio commandsPerTicket divided by the recording's commands per ticket
 */
public record StoreComparison(
    String round,
    String phase,
    String kind,
    double routedPerSecond,
    Double shareOfStoreAlone,
    Double storeCpuMillisPerTicket,
    Double storeCpuRatio,
    Double commandsPerTicket,
    Double commandsRatio) {}
