package io.crossdesk.benchmark.result;

import java.util.List;

/** The measured phases, once on the store as it is and once after the fill. */
public record RoundResult(
    String name, long ticketsInStoreAtStart, long ticketsInStoreAtEnd, List<PhaseResult> phases) {}
