package io.crossdesk.analytics.kpi.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one event adds to the KPIs: counts and durations, at a moment, under the groups it belongs
 * to. It also counts under {@link Dimension#ALL}.
 *
 * @param groups the event's value per dimension; a dimension it has no value for counts as {@link
 *     Dimension#UNKNOWN}
 * @param counts how much each counter goes up
 * @param durations each duration measured, in seconds
 */
public record Contribution(
    Instant at,
    Map<Dimension, String> groups,
    Map<String, Long> counts,
    Map<String, Long> durations) {

  public Contribution {
    groups = Map.copyOf(groups);
    counts = Map.copyOf(counts);
    durations = Map.copyOf(durations);
  }

  public static Builder at(Instant at, Map<Dimension, String> groups) {
    return new Builder(at, groups);
  }

  /** The group this contribution counts under in {@code dimension}. */
  public String group(Dimension dimension) {
    if (dimension == Dimension.ALL) {
      return "all";
    }
    String value = groups.get(dimension);
    return value == null || value.isBlank() ? Dimension.UNKNOWN : value;
  }

  public boolean isEmpty() {
    return counts.isEmpty() && durations.isEmpty();
  }

  /** Collects the counts and durations of one contribution. */
  public static final class Builder {
    private final Instant at;
    private final Map<Dimension, String> groups;
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<String, Long> durations = new TreeMap<>();

    private Builder(Instant at, Map<Dimension, String> groups) {
      this.at = at;
      this.groups = new EnumMap<>(Dimension.class);
      groups.forEach(
          (dimension, value) -> {
            if (value != null) {
              this.groups.put(dimension, value);
            }
          });
    }

    public Builder count(String counter) {
      counts.merge(counter, 1L, Long::sum);
      return this;
    }

    public Builder add(String counter, long amount) {
      counts.merge(counter, amount, Long::sum);
      return this;
    }

    /** A duration, counted when both ends are known and it is not negative. */
    public Builder duration(String metric, Instant from, Instant to) {
      if (from != null && to != null && !to.isBefore(from)) {
        durations.put(metric, to.getEpochSecond() - from.getEpochSecond());
      }
      return this;
    }

    /** A duration stated in seconds, counted when known and not negative. */
    public Builder seconds(String metric, Long seconds) {
      if (seconds != null && seconds >= 0) {
        durations.put(metric, seconds);
      }
      return this;
    }

    public Contribution build() {
      return new Contribution(at, groups, counts, durations);
    }
  }
}
