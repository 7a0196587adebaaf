package io.crossdesk.workorder.order.application;

import io.crossdesk.workorder.department.domain.AssigneeChoice;
import io.crossdesk.workorder.department.domain.Department;
import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.department.domain.Member;
import io.crossdesk.workorder.department.domain.WorkIntake;
import io.crossdesk.workorder.department.persistence.AssignmentTurns;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.StepStatus;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.domain.WorkOrderFact.StepReady;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Gives the steps a change made ready to a member, in departments whose intake is ROUND_ROBIN or
 * LEAST_LOADED, before the change is written: the step is stored claimed, never seen unassigned in
 * the queue. Nobody eligible (everyone away, or the department closed) leaves the step ready. A
 * write retried after a concurrent change draws a fresh turn, so a turn may go unused.
 */
@Service
class StepAssignment {

  private final AssignmentTurns turns;
  private final WorkOrderStore workOrders;

  StepAssignment(AssignmentTurns turns, WorkOrderStore workOrders) {
    this.turns = turns;
    this.workOrders = workOrders;
  }

  WorkOrderChange assignReady(
      WorkOrderChange change, DepartmentDirectory departments, Instant now) {
    WorkOrderChange assigned = change;
    Map<String, Map<String, Long>> loads = new HashMap<>();
    for (StepReady ready :
        change.facts().stream()
            .filter(StepReady.class::isInstance)
            .map(StepReady.class::cast)
            .toList()) {
      Step step = assigned.order().step(ready.step().id()).orElseThrow();
      Optional<Department> department = departments.find(step.department());
      if (step.status() != StepStatus.READY
          || department.isEmpty()
          || department.get().intake() == WorkIntake.CLAIM_FROM_QUEUE) {
        continue;
      }
      WorkIntake rule = department.get().intake();
      List<Member> eligible =
          AssigneeChoice.eligible(department.get(), departments.of(step.department()), now);
      Optional<Member> chosen =
          rule == WorkIntake.ROUND_ROBIN
              ? roundRobin(department.get(), eligible)
              : leastLoaded(department.get(), eligible, loads);
      if (chosen.isPresent()) {
        String member = chosen.get().id();
        assigned = assigned.then(order -> order.assign(step.id(), member, rule, now, departments));
      }
    }
    return assigned;
  }

  private Optional<Member> roundRobin(Department department, List<Member> eligible) {
    return eligible.isEmpty()
        ? Optional.empty()
        : AssigneeChoice.roundRobin(eligible, turns.next(department.id()));
  }

  /** Loads are read once per department and change, and count the steps this change assigned. */
  private Optional<Member> leastLoaded(
      Department department, List<Member> eligible, Map<String, Map<String, Long>> loads) {
    if (eligible.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Long> load =
        loads.computeIfAbsent(
            department.id(),
            id -> new HashMap<>(workOrders.openSteps(eligible.stream().map(Member::id).toList())));
    Optional<Member> chosen = AssigneeChoice.leastLoaded(eligible, load);
    chosen.ifPresent(member -> load.merge(member.id(), 1L, Long::sum));
    return chosen;
  }
}
