package io.crossdesk.workorder.routing.persistence;

import io.crossdesk.workorder.routing.domain.RoutingRule;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gives a new installation the standard routing rules. Runs once the beans exist but before the
 * Kafka listeners start, so no ticket is routed against a half-empty rule set. The default rule is
 * written last: while it is missing (a new database, or a seed cut short by a crash) the seed runs
 * again; once it is there, rules an administrator changed or removed stay as they are.
 */
@Component
public class StandardRoutingRulesSeeder implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StandardRoutingRulesSeeder.class);

  private final RoutingRuleStore store;

  StandardRoutingRulesSeeder(RoutingRuleStore store) {
    this.store = store;
  }

  @Override
  public void afterSingletonsInstantiated() {
    seed();
  }

  public void seed() {
    if (store.contains(RoutingRule.DEFAULT_ID)) {
      return;
    }
    StandardRoutingRules.ALL.forEach(store::insertIfAbsent);
    log.info("Seeded the standard routing rules");
  }
}
