package io.crossdesk.benchmark;

import io.crossdesk.benchmark.load.LoadOutcome;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A phase to run: its load, and how long its tickets may take to be routed: {@code drainTimeout}
 * after the load ends, or, for the fill, {@code limit} from its start for load and drain together.
 */
record PhaseSpec(
    String name,
    String kind,
    String description,
    Supplier<LoadOutcome> load,
    Duration drainTimeout,
    Duration limit) {

  static PhaseSpec draining(
      String name,
      String kind,
      String description,
      Supplier<LoadOutcome> load,
      Duration drainTimeout) {
    return new PhaseSpec(name, kind, description, load, drainTimeout, null);
  }

  static PhaseSpec within(
      String name, String kind, String description, Supplier<LoadOutcome> load, Duration limit) {
    return new PhaseSpec(name, kind, description, load, null, limit);
  }
}
