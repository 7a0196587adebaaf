package io.crossdesk.analytics.kpi.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The counters' values grouped by dimension, keys in alphabetical order. */
public final class KpiTotals {

  private final Map<Dimension, SortedMap<String, Long>> totals = new EnumMap<>(Dimension.class);

  private KpiTotals() {}

  public static KpiTotals of(Collection<CounterValue> values) {
    KpiTotals kpis = new KpiTotals();
    for (CounterValue value : values) {
      kpis.totals
          .computeIfAbsent(value.counter().dimension(), dimension -> new TreeMap<>())
          .merge(value.counter().key(), value.count(), Long::sum);
    }
    return kpis;
  }

  /** The counts of one dimension; empty when nothing was counted by it yet. */
  public SortedMap<String, Long> by(Dimension dimension) {
    return Collections.unmodifiableSortedMap(totals.getOrDefault(dimension, new TreeMap<>()));
  }
}
