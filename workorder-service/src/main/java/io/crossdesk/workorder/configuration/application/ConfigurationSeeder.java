package io.crossdesk.workorder.configuration.application;

import io.crossdesk.workorder.department.domain.StandardDepartments;
import io.crossdesk.workorder.department.persistence.DepartmentStore;
import io.crossdesk.workorder.flow.domain.StandardFlows;
import io.crossdesk.workorder.flow.persistence.FlowTemplateStore;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import io.crossdesk.workorder.routing.domain.StandardRoutingRules;
import io.crossdesk.workorder.routing.persistence.RoutingRuleStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gives a new installation the standard departments, flows and rules. Runs once the beans exist but
 * before the Kafka listeners start, so no ticket is routed against half a configuration. The
 * default rule is written last: while it is missing (a new database, or a seed cut short by a
 * crash) the seed runs again, and each item is inserted only if absent, so several instances
 * starting together seed once; once it is there, whatever administrators changed stays as it is.
 */
@Component
public class ConfigurationSeeder implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ConfigurationSeeder.class);

  private final DepartmentStore departments;
  private final FlowTemplateStore templates;
  private final RoutingRuleStore rules;
  private final RoutingConfiguration configuration;
  private final Clock clock;

  ConfigurationSeeder(
      DepartmentStore departments,
      FlowTemplateStore templates,
      RoutingRuleStore rules,
      RoutingConfiguration configuration,
      Clock clock) {
    this.departments = departments;
    this.templates = templates;
    this.rules = rules;
    this.configuration = configuration;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    seed();
  }

  public void seed() {
    long legacy = rules.removeRulesWithoutTemplate();
    if (legacy > 0) {
      log.info("Removed {} routing rules that named a department instead of a flow", legacy);
    }
    if (rules.contains(RoutingRule.DEFAULT_ID)) {
      return;
    }
    StandardDepartments.ALL.forEach(departments::insertIfAbsent);
    StandardFlows.ALL.forEach(flow -> templates.insert(flow, "seed", clock.instant()));
    StandardRoutingRules.ALL.forEach(rules::insertIfAbsent);
    configuration.changed();
    log.info("Seeded the standard departments, flows and routing rules");
  }
}
