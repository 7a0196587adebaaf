package io.crossdesk.workorder.configuration.application;

import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.routing.domain.Router;
import io.crossdesk.workorder.routing.domain.RoutingRule;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Departments, flow templates and routing rules as read at one moment. */
public record ConfigurationSnapshot(
    DepartmentDirectory departments,
    Map<String, List<FlowTemplate>> templateVersions,
    List<RoutingRule> rules,
    Router router) {

  static ConfigurationSnapshot of(
      DepartmentDirectory departments,
      Collection<FlowTemplate> templates,
      List<RoutingRule> rules) {
    Map<String, List<FlowTemplate>> versions =
        templates.stream()
            .collect(
                Collectors.groupingBy(
                    FlowTemplate::id,
                    TreeMap::new,
                    Collectors.collectingAndThen(
                        Collectors.toList(),
                        list ->
                            list.stream()
                                .sorted(Comparator.comparingInt(FlowTemplate::version))
                                .toList())));
    return new ConfigurationSnapshot(departments, versions, List.copyOf(rules), new Router(rules));
  }

  public Optional<FlowTemplate> latest(String templateId) {
    List<FlowTemplate> versions = templateVersions.get(templateId);
    return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  public Optional<FlowTemplate> version(String templateId, int version) {
    return templateVersions.getOrDefault(templateId, List.of()).stream()
        .filter(template -> template.version() == version)
        .findFirst();
  }

  public List<FlowTemplate> latestOfEach() {
    return templateVersions.keySet().stream().map(id -> latest(id).orElseThrow()).toList();
  }
}
