package io.crossdesk.platform.deadline;

import io.crossdesk.platform.deadline.DeadlineRecords.Found;
import io.crossdesk.platform.deadline.ParkedDeadlines.Marker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per kind: {@code crossdesk.deadlines.due} (due and not fired yet, as the last pass saw it),
 * {@code crossdesk.deadlines.parked}, {@code crossdesk.deadlines.fired} and {@code
 * crossdesk.deadlines.failed} (failed tries), and {@code crossdesk.deadlines.lateness}, from the
 * due time to the end of the handler.
 */
public class DeadlineMeters {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> due = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();

  public DeadlineMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(String kind) {
    gauge(due, "crossdesk.deadlines.due", "Deadlines due and not fired yet", kind);
    gauge(parked, "crossdesk.deadlines.parked", "Deadlines parked after failing", kind);
    counter("crossdesk.deadlines.fired", kind);
    counter("crossdesk.deadlines.failed", kind);
  }

  void due(String kind, long count) {
    gauge(due, "crossdesk.deadlines.due", "Deadlines due and not fired yet", kind).set(count);
  }

  void fired(String kind, Duration lateness) {
    counter("crossdesk.deadlines.fired", kind).increment();
    Timer.builder("crossdesk.deadlines.lateness")
        .description("From a deadline's due time to the end of its handler")
        .tag("kind", kind)
        .register(registry)
        .record(lateness.isNegative() ? Duration.ZERO : lateness);
  }

  void failed(String kind) {
    counter("crossdesk.deadlines.failed", kind).increment();
  }

  /** Counts parked deadlines by kind, dropping markers whose deadline is no longer parked. */
  void refreshParked(ParkedDeadlines markers, DeadlineRecords records) {
    List<Marker> all = markers.list(0);
    Map<String, Found> found = records.load(all.stream().map(Marker::deadlineId).toList());
    Map<String, Long> counts = new HashMap<>();
    List<String> stale = new ArrayList<>();
    for (Marker marker : all) {
      Found deadline = found.get(marker.deadlineId());
      if (deadline != null && deadline.deadline().parked()) {
        counts.merge(marker.kind(), 1L, Long::sum);
      } else {
        stale.add(marker.deadlineId());
      }
    }
    markers.remove(stale);
    counts.keySet().forEach(this::register);
    parked.forEach((kind, gauge) -> gauge.set(counts.getOrDefault(kind, 0L)));
  }

  private Counter counter(String name, String kind) {
    return registry.counter(name, "kind", kind);
  }

  private AtomicLong gauge(
      Map<String, AtomicLong> gauges, String name, String description, String kind) {
    return gauges.computeIfAbsent(
        kind,
        k -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder(name, value, AtomicLong::get)
              .description(description)
              .tag("kind", k)
              .register(registry);
          return value;
        });
  }
}
