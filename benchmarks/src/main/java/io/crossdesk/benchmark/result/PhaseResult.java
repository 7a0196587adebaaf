package io.crossdesk.benchmark.result;

/**
 * One measured phase: a load for a fixed time, then a drain until its tickets are routed or the
 * drain timeout passes.
 *
 * @param kind rest-gateway, rest-direct, intake, intake-half or fill
 * @param load how it was driven, for humans
 * @param drained every ticket it asked for was opened and routed before it ended
 */
public record PhaseResult(
    String name,
    String kind,
    String load,
    double loadSeconds,
    double drainSeconds,
    boolean drained,
    Traffic traffic,
    Tickets tickets,
    Backlog backlog,
    Cost cost,
    Ratios toKafka) {}
