package io.crossdesk.benchmark.result;

/** Round 2 divided by round 1 for one kind of phase: how cost grew with the data. */
public record GrowthRow(
    String kind,
    Double openedPerSecond,
    Double routedPerSecond,
    Double p50,
    Double p99,
    Double p999,
    Double storeOpsPerTicket,
    Double cpuMillisPerTicket) {}
