package io.crossdesk.benchmark.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one run measured; written as JSON and summarised as Markdown. */
public record BenchmarkResult(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    Map<String, String> machine,
    Map<String, String> options,
    BaselineResult kafkaAlone,
    StoreBaselineResult storeAlone,
    List<RoundResult> rounds,
    PhaseResult fill,
    long fillTarget,
    List<GrowthRow> growth,
    List<TargetCheck> targets,
    List<StoreComparison> storeComparison,
    CountCheck countCheck) {}
