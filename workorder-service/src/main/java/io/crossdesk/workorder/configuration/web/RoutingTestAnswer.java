package io.crossdesk.workorder.configuration.web;

import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.routing.domain.RoutingDecision;
import java.util.List;

/**
 * What routing would do with a ticket.
 *
 * @param firstSteps the steps that would be ready at once, with their departments
 */
record RoutingTestAnswer(
    String rule,
    String template,
    Integer templateVersion,
    String priority,
    List<FirstStep> firstSteps) {

  record FirstStep(String stepId, String name, String department) {}

  static RoutingTestAnswer of(RoutingDecision decision, FlowTemplate flow) {
    return new RoutingTestAnswer(
        decision.rule().id(),
        decision.template(),
        flow == null ? null : flow.version(),
        decision.priority().name(),
        flow == null
            ? List.of()
            : flow.steps().stream()
                .filter(step -> step.after().isEmpty())
                .map(step -> new FirstStep(step.id(), step.name(), step.department()))
                .toList());
  }
}
