package io.crossdesk.benchmark.result;

import java.util.Map;

/**
 * What a phase cost.
 *
 * @param cpuSeconds per component, user plus system CPU time during the phase
 * @param peakRssMb per component, the largest resident set sampled during the phase
 * @param storeCommands MongoDB driver commands during the phase, all services, by command
 * @param storeCommandsByService the same per service
 * @param routedDuringPhase every ticket routed while the phase ran, this phase's or an earlier
 *     one's: the work the phase's CPU and store commands paid for
 * @param storeOpsPerTicket storeCommands divided by routedDuringPhase, by command and "total"
 * @param cpuMillisPerTicket CPU of every component but the load generator, per ticket routed during
 *     the phase
 */
public record Cost(
    long routedDuringPhase,
    Map<String, Double> cpuSeconds,
    Map<String, Double> peakRssMb,
    Map<String, Long> storeCommands,
    Map<String, Map<String, Long>> storeCommandsByService,
    Map<String, Double> storeOpsPerTicket,
    Double cpuMillisPerTicket) {}
