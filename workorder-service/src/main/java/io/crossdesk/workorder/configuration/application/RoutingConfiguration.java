package io.crossdesk.workorder.configuration.application;

import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.department.persistence.DepartmentStore;
import io.crossdesk.workorder.flow.persistence.FlowTemplateStore;
import io.crossdesk.workorder.routing.persistence.RoutingRuleStore;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configuration every ticket is routed against and every due time computed in, kept in memory:
 * re-read at once when this instance changes it and every {@code crossdesk.routing.rules-refresh}
 * (10 s) so that changes made on another instance apply too. The three collections are small and
 * grow only with administrators' edits, so reading them whole is cheap.
 */
@Component
public class RoutingConfiguration {

  private record Cached(ConfigurationSnapshot snapshot, long readAt) {}

  private final DepartmentStore departments;
  private final FlowTemplateStore templates;
  private final RoutingRuleStore rules;
  private final long refreshNanos;
  private volatile Cached cached;

  RoutingConfiguration(
      DepartmentStore departments,
      FlowTemplateStore templates,
      RoutingRuleStore rules,
      @Value("${crossdesk.routing.rules-refresh:10s}") Duration refresh) {
    this.departments = departments;
    this.templates = templates;
    this.rules = rules;
    this.refreshNanos = refresh.toNanos();
  }

  /** At most one refresh interval old. */
  public ConfigurationSnapshot current() {
    Cached current = cached;
    if (current == null || System.nanoTime() - current.readAt() > refreshNanos) {
      current = new Cached(read(), System.nanoTime());
      cached = current;
    }
    return current.snapshot();
  }

  /** Read afresh on the next use. */
  public void changed() {
    cached = null;
  }

  private ConfigurationSnapshot read() {
    return ConfigurationSnapshot.of(
        new DepartmentDirectory(departments.all()), templates.allVersions(), rules.all());
  }
}
