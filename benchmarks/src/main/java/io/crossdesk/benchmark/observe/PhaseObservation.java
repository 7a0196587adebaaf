package io.crossdesk.benchmark.observe;

import java.util.Map;

/**
 * What the services and processes showed over one phase.
 *
 * @param outboxAtStart per service, documents still holding unpublished events when it began
 * @param outboxMax the most seen in a once-a-second sample
 * @param outboxFinal when it ended
 * @param cpuSeconds per component, user plus system CPU time spent during the phase
 * @param peakRssKib per component, the largest resident set sampled during the phase
 * @param storeCommands per service, MongoDB commands run during the phase, by command
 */
public record PhaseObservation(
    Map<String, Double> outboxAtStart,
    Map<String, Double> outboxMax,
    Map<String, Double> outboxFinal,
    Map<String, Double> cpuSeconds,
    Map<String, Long> peakRssKib,
    Map<String, Map<String, Long>> storeCommands) {}
