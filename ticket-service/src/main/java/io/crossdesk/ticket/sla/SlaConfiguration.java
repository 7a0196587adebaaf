package io.crossdesk.ticket.sla;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.sla.domain.ResolutionPolicy;
import io.crossdesk.ticket.ticket.domain.Priority;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlaConfiguration {

  /** A misspelt tier or priority fails the start rather than silently keeping the default. */
  @Bean
  ResolutionPolicy resolutionPolicy(SlaProperties properties) {
    ResolutionPolicy policy = ResolutionPolicy.defaults();
    for (Map.Entry<String, Map<String, Integer>> tier : properties.resolutionHours().entrySet()) {
      for (Map.Entry<String, Integer> cell : tier.getValue().entrySet()) {
        policy =
            policy.with(
                CustomerTier.valueOf(tier.getKey().toUpperCase(Locale.ROOT)),
                Priority.valueOf(cell.getKey().toUpperCase(Locale.ROOT)),
                cell.getValue());
      }
    }
    return policy;
  }
}
