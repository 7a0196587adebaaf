package io.crossdesk.workorder.order.application;

import io.crossdesk.workorder.order.domain.EscalationPolicy;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When steps escalate, as percentages of their OLA, one per level: {@code
 * crossdesk.escalation.thresholds} (default 75, 100, 150) and per customer tier {@code
 * crossdesk.escalation.tier-thresholds.A} (default 50, 75, 100).
 */
@ConfigurationProperties("crossdesk.escalation")
public record EscalationProperties(
    List<Integer> thresholds, Map<String, List<Integer>> tierThresholds) {

  public EscalationPolicy policy() {
    return new EscalationPolicy(
        thresholds == null ? EscalationPolicy.DEFAULT.standard() : thresholds,
        tierThresholds == null ? EscalationPolicy.DEFAULT.byTier() : tierThresholds);
  }
}
