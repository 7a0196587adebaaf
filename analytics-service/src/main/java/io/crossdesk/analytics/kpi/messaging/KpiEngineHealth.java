package io.crossdesk.analytics.kpi.messaging;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The health of the KPI engine ({@code kpiEngine} in {@code /actuator/health}): up while the engine
 * of the served generation runs or rebalances, down when it failed or is not started.
 */
@Component("kpiEngineHealthIndicator")
class KpiEngineHealth implements HealthIndicator {

  private final KpiEngine engine;

  KpiEngineHealth(KpiEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    return engine.serving() ? Health.up().build() : Health.down().build();
  }
}
