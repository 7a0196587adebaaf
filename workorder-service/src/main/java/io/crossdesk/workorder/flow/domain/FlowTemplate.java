package io.crossdesk.workorder.flow.domain;

import java.util.List;
import java.util.Optional;

/**
 * A flow of steps across departments, versioned: a change is a new version, and a running work
 * order keeps the version it started with.
 */
public record FlowTemplate(
    String id, int version, String name, String description, List<StepTemplate> steps) {

  public FlowTemplate {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  public Optional<StepTemplate> step(String stepId) {
    return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
  }

  public FlowTemplate asVersion(int newVersion) {
    return new FlowTemplate(id, newVersion, name, description, steps);
  }
}
