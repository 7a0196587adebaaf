package io.crossdesk.benchmark;

import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.BenchmarkResult;
import io.crossdesk.benchmark.result.CountCheck;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run has measured so far, phase by phase, so that a run stopped half-way (a long one, on a
 * shared machine) still leaves the figures it had.
 */
final class RunRecord {

  /** ticketsInStoreAtEnd of a round the run did not finish. */
  static final long UNFINISHED = -1;

  private final String runId;
  private final Instant startedAt = Instant.now();
  private final String loadAtStart = Machine.loadAverage();
  private final Map<String, String> options;
  private final List<RoundResult> rounds = new ArrayList<>();
  private final List<PhaseResult> roundPhases = new ArrayList<>();
  private BaselineResult kafkaAlone;
  private StoreBaselineResult storeAlone;
  private String roundName;
  private long roundStoreAtStart;
  private PhaseResult fill;
  private long fillTarget;

  RunRecord(String runId, Map<String, String> options) {
    this.runId = runId;
    this.options = Collections.unmodifiableMap(new TreeMap<>(options));
  }

  synchronized void kafkaAlone(BaselineResult result) {
    kafkaAlone = result;
  }

  synchronized void storeAlone(StoreBaselineResult result) {
    storeAlone = result;
  }

  synchronized void roundStarted(String name, long ticketsInStore) {
    roundName = name;
    roundStoreAtStart = ticketsInStore;
    roundPhases.clear();
  }

  synchronized void phaseDone(PhaseResult phase) {
    roundPhases.add(phase);
  }

  synchronized RoundResult roundDone(long ticketsInStore) {
    RoundResult round =
        new RoundResult(roundName, roundStoreAtStart, ticketsInStore, List.copyOf(roundPhases));
    rounds.add(round);
    roundName = null;
    return round;
  }

  synchronized void fill(PhaseResult phase, long target) {
    fill = phase;
    fillTarget = target;
  }

  synchronized List<RoundResult> rounds() {
    return List.copyOf(rounds);
  }

  /** The whole run, ended by its count check. */
  synchronized BenchmarkResult finish(CountCheck countCheck) {
    return result(rounds, countCheck);
  }

  /** The phases done so far, without a count check: the run was stopped before it. */
  synchronized BenchmarkResult soFar() {
    List<RoundResult> all = new ArrayList<>(rounds);
    if (roundName != null && !roundPhases.isEmpty()) {
      all.add(new RoundResult(roundName, roundStoreAtStart, UNFINISHED, List.copyOf(roundPhases)));
    }
    return result(all, null);
  }

  private BenchmarkResult result(List<RoundResult> all, CountCheck countCheck) {
    return new BenchmarkResult(
        runId,
        startedAt,
        Instant.now(),
        Machine.describe(loadAtStart),
        options,
        kafkaAlone,
        storeAlone,
        List.copyOf(all),
        fill,
        fillTarget,
        Growth.of(all),
        Targets.check(all, storeAlone),
        StoreComparisons.of(storeAlone, all, fill),
        countCheck);
  }
}
