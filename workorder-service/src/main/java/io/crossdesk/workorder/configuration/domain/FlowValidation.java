package io.crossdesk.workorder.configuration.domain;

import io.crossdesk.workorder.flow.domain.FlowTemplate;
import io.crossdesk.workorder.flow.domain.StepTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a flow can run: every step in a known department, every predecessor a step of the flow,
 * no cycle, and every step reachable, i.e. able to become ready once the steps before it are done.
 */
public final class FlowValidation {

  private FlowValidation() {}

  public static List<Violation> check(FlowTemplate flow, Predicate<String> knownDepartment) {
    List<Violation> violations = new ArrayList<>();
    if (flow.id() == null || !flow.id().matches("[a-z][a-z0-9-]{1,59}")) {
      violations.add(new Violation("id", "must be 2-60 lower-case letters, digits or '-'"));
    }
    if (flow.name() == null || flow.name().isBlank()) {
      violations.add(new Violation("name", "must not be blank"));
    }
    if (flow.steps().isEmpty()) {
      violations.add(new Violation("steps", "a flow needs at least one step"));
      return violations;
    }
    Map<String, StepTemplate> byId = new HashMap<>();
    for (int i = 0; i < flow.steps().size(); i++) {
      StepTemplate step = flow.steps().get(i);
      String at = "steps[" + i + "]";
      if (step.id() == null || !step.id().matches("[a-z][a-z0-9-]{0,59}")) {
        violations.add(new Violation(at + ".id", "must be lower-case letters, digits or '-'"));
      } else if (byId.putIfAbsent(step.id(), step) != null) {
        violations.add(new Violation(at + ".id", "another step has the id " + step.id()));
      }
      if (step.name() == null || step.name().isBlank()) {
        violations.add(new Violation(at + ".name", "must not be blank"));
      }
      if (!knownDepartment.test(step.department())) {
        violations.add(
            new Violation(at + ".department", "unknown department '" + step.department() + "'"));
      }
      if (step.ola() == null) {
        violations.add(new Violation(at + ".ola", "a step needs an OLA"));
      }
    }
    for (int i = 0; i < flow.steps().size(); i++) {
      StepTemplate step = flow.steps().get(i);
      for (String before : step.after()) {
        if (!byId.containsKey(before)) {
          violations.add(
              new Violation(
                  "steps[" + i + "].after",
                  "names '"
                      + before
                      + "', which is no step of this flow: the step is unreachable"));
        }
      }
      if (step.isConditional() && step.after().isEmpty()) {
        violations.add(
            new Violation(
                "steps[" + i + "].onlyIfOutcome",
                "a conditional step needs a step before it whose outcome it waits for"));
      }
    }
    if (violations.isEmpty()) {
      violations.addAll(cyclesAndUnreachable(flow));
    }
    return violations;
  }

  /**
   * Takes out steps whose predecessors are all taken out, starting with those that wait for none;
   * whatever is left waits, directly or not, for itself.
   */
  private static List<Violation> cyclesAndUnreachable(FlowTemplate flow) {
    Set<String> done = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (StepTemplate step : flow.steps()) {
        if (!done.contains(step.id()) && done.containsAll(step.after())) {
          done.add(step.id());
          progress = true;
        }
      }
    }
    List<Violation> violations = new ArrayList<>();
    Set<String> onCycle = onCycles(flow, done);
    if (!onCycle.isEmpty()) {
      violations.add(
          new Violation("steps", "steps " + String.join(", ", onCycle) + " wait for each other"));
    }
    for (int i = 0; i < flow.steps().size(); i++) {
      StepTemplate step = flow.steps().get(i);
      if (!done.contains(step.id()) && !onCycle.contains(step.id())) {
        violations.add(
            new Violation(
                "steps[" + i + "]",
                "step "
                    + step.id()
                    + " is unreachable: it waits for steps that wait for each other"));
      }
    }
    return violations;
  }

  /** The steps left over that can reach themselves along their predecessors. */
  private static Set<String> onCycles(FlowTemplate flow, Set<String> done) {
    Map<String, List<String>> after = new HashMap<>();
    flow.steps().forEach(step -> after.put(step.id(), step.after()));
    Set<String> onCycle = new LinkedHashSet<>();
    for (StepTemplate step : flow.steps()) {
      if (done.contains(step.id())) {
        continue;
      }
      Deque<String> toVisit = new ArrayDeque<>(step.after());
      Set<String> seen = new HashSet<>();
      while (!toVisit.isEmpty()) {
        String next = toVisit.pop();
        if (next.equals(step.id())) {
          onCycle.add(step.id());
          break;
        }
        if (seen.add(next)) {
          toVisit.addAll(after.getOrDefault(next, List.of()));
        }
      }
    }
    return onCycle;
  }
}
