package io.crossdesk.workorder.configuration.application;

import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.ConflictException;
import io.crossdesk.workorder.configuration.domain.ConfigurationRejectedException;
import io.crossdesk.workorder.configuration.domain.DepartmentValidation;
import io.crossdesk.workorder.configuration.domain.FlowValidation;
import io.crossdesk.workorder.configuration.domain.RoutingRuleValidation;
import io.crossdesk.workorder.configuration.domain.Violation;
import io.crossdesk.workorder.configuration.persistence.ConfigurationAudit;
import io.crossdesk.workorder.department.domain.Department;
import io.crossdesk.workorder.department.persistence.DepartmentStore;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.persistence.FlowTemplateStore;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import io.crossdesk.workorder.routing.persistence.RoutingRuleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Administrators' changes to departments, flow templates and routing rules: validated against the
 * current configuration (nothing is stored when a change is rejected), written, audited and
 * announced. The change is written before its audit entry: a crash in between leaves a change
 * without its entry, which the administrator sees as the change in place and may save again.
 */
@Service
public class ConfigurationChanges {

  public static final String DEPARTMENT = "DEPARTMENT";
  public static final String FLOW_TEMPLATE = "FLOW_TEMPLATE";
  public static final String ROUTING_RULE = "ROUTING_RULE";

  private final RoutingConfiguration configuration;
  private final DepartmentStore departments;
  private final FlowTemplateStore templates;
  private final RoutingRuleStore rules;
  private final ConfigurationAudit audit;
  private final Clock clock;

  ConfigurationChanges(
      RoutingConfiguration configuration,
      DepartmentStore departments,
      FlowTemplateStore templates,
      RoutingRuleStore rules,
      ConfigurationAudit audit,
      Clock clock) {
    this.configuration = configuration;
    this.departments = departments;
    this.templates = templates;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  public void saveDepartment(Department department, String by) {
    reject(DepartmentValidation.check(department));
    boolean exists = fresh().departments().contains(department.id());
    departments.save(department);
    done(DEPARTMENT, department.id(), 0, exists ? "UPDATED" : "CREATED", by, department);
  }

  /** Stores the template as its next version and answers it. */
  public FlowTemplate saveTemplate(FlowTemplate template, String by) {
    ConfigurationSnapshot current = fresh();
    reject(FlowValidation.check(template, current.departments()::contains));
    int version = current.latest(template.id()).map(FlowTemplate::version).orElse(0) + 1;
    FlowTemplate versioned = template.asVersion(version);
    if (!templates.insert(versioned, by, now())) {
      throw new ConflictException(
          "flow template " + template.id() + " got version " + version + " meanwhile; try again");
    }
    done(
        FLOW_TEMPLATE, template.id(), version, version == 1 ? "CREATED" : "UPDATED", by, versioned);
    return versioned;
  }

  public void saveRule(RoutingRule rule, String by) {
    ConfigurationSnapshot current = fresh();
    reject(RoutingRuleValidation.check(rule, id -> current.latest(id).isPresent()));
    boolean exists = current.rules().stream().anyMatch(stored -> stored.id().equals(rule.id()));
    rules.save(rule);
    done(ROUTING_RULE, rule.id(), 0, exists ? "UPDATED" : "CREATED", by, rule);
  }

  public void deleteRule(String ruleId, String by) {
    if (RoutingRule.DEFAULT_ID.equals(ruleId)) {
      throw ConfigurationRejectedException.of(
          "id", "the default rule cannot be removed; change it instead");
    }
    if (!rules.delete(ruleId)) {
      throw new NotFoundException("No routing rule " + ruleId);
    }
    done(ROUTING_RULE, ruleId, 0, "DELETED", by, null);
  }

  private ConfigurationSnapshot fresh() {
    configuration.changed();
    return configuration.current();
  }

  private void done(
      String kind, String itemId, int version, String action, String by, Object content) {
    configuration.changed();
    audit.record(kind, itemId, version, action, by, now(), content);
  }

  private static void reject(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new ConfigurationRejectedException(violations);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
