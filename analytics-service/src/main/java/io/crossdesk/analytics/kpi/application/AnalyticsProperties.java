package io.crossdesk.analytics.kpi.application;

import io.crossdesk.analytics.kpi.domain.SpikeRule;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The analytics engine's settings (docs/analytics.md, "Settings").
 *
 * @param zone the time zone hours and days are counted in
 * @param stateDir where the engine keeps its local state; kept across restarts it spares a rebuild
 *     of that state from the broker
 * @param applicationId the engine's name on the broker (its consumer group and the prefix of its
 *     internal topics), followed by the generation
 * @param commitInterval how often the engine commits its progress and state, a transaction each
 * @param flushInterval how often changed buckets are copied to the store requests read
 * @param backlogInterval how often each partition's backlog (its open tickets by age) is copied
 * @param spike when complaints of a category and region in one hour are a spike
 */
@ConfigurationProperties("crossdesk.analytics")
public record AnalyticsProperties(
    @DefaultValue("UTC") ZoneId zone,
    @DefaultValue("local-data/analytics-state") String stateDir,
    @DefaultValue("crossdesk-analytics-kpis") String applicationId,
    @DefaultValue("1s") Duration commitInterval,
    @DefaultValue("1s") Duration flushInterval,
    @DefaultValue("10s") Duration backlogInterval,
    @DefaultValue Spike spike) {

  /**
   * A spike: at least {@code minCount} complaints in an hour, and above the mean plus {@code
   * sigmas} standard deviations of the {@code baselineHours} before.
   */
  public record Spike(
      @DefaultValue("5") int minCount,
      @DefaultValue("168") int baselineHours,
      @DefaultValue("3") double sigmas) {

    public SpikeRule rule() {
      return new SpikeRule(minCount, baselineHours, sigmas);
    }
  }
}
