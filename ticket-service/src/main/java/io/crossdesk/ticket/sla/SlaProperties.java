package io.crossdesk.ticket.sla;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overrides of the default resolution policy.
 *
 * @param resolutionHours hours by tier, then priority: {@code
 *     crossdesk.sla.resolution-hours.A.URGENT=2}
 */
@ConfigurationProperties("crossdesk.sla")
public record SlaProperties(Map<String, Map<String, Integer>> resolutionHours) {

  public SlaProperties {
    resolutionHours = resolutionHours == null ? Map.of() : resolutionHours;
  }
}
