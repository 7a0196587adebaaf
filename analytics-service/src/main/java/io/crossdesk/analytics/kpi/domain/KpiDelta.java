package io.crossdesk.analytics.kpi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a batch of events adds to the KPIs: counter increments and routing times. */
public final class KpiDelta {

  private final Map<Counter, Long> counts = new LinkedHashMap<>();
  private long routed;
  private long routingMillis;
  private long maxRoutingMillis;

  public void count(List<Counter> counters) {
    counters.forEach(counter -> counts.merge(counter, 1L, Long::sum));
  }

  /**
   * A work order routed {@code routedAt} for a ticket opened {@code openedAt}. The two instants
   * come from the clocks of two services, which may disagree by a little: a routing that seems to
   * precede the opening counts as immediate.
   */
  public void routed(Instant openedAt, Instant routedAt) {
    long millis = Math.max(0, Duration.between(openedAt, routedAt).toMillis());
    routed++;
    routingMillis += millis;
    maxRoutingMillis = Math.max(maxRoutingMillis, millis);
  }

  public Map<Counter, Long> counts() {
    return Collections.unmodifiableMap(counts);
  }

  public long routed() {
    return routed;
  }

  public long routingMillis() {
    return routingMillis;
  }

  public long maxRoutingMillis() {
    return maxRoutingMillis;
  }

  public boolean isEmpty() {
    return counts.isEmpty() && routed == 0;
  }
}
