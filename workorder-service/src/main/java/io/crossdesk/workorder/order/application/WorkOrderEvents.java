package io.crossdesk.workorder.order.application;

import io.crossdesk.contracts.workorder.ComplaintResolved;
import io.crossdesk.contracts.workorder.WorkOrderClosed;
import io.crossdesk.contracts.workorder.WorkOrderCompleted;
import io.crossdesk.contracts.workorder.WorkOrderEscalated;
import io.crossdesk.contracts.workorder.WorkOrderResolved;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import io.crossdesk.contracts.workorder.WorkOrderStepAssigned;
import io.crossdesk.contracts.workorder.WorkOrderStepCompleted;
import io.crossdesk.contracts.workorder.WorkOrderStepReturned;
import io.crossdesk.contracts.workorder.WorkOrderStepStarted;
import io.crossdesk.contracts.workorder.WorkOrderStepWithdrawn;
import io.crossdesk.contracts.workorder.WorkOrderTransferred;
import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.events.Events;
import io.crossdesk.workorder.department.domain.DepartmentDirectory;
import io.crossdesk.workorder.order.domain.EscalationPolicy;
import io.crossdesk.workorder.order.domain.Step;
import io.crossdesk.workorder.order.domain.TicketFacts;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.domain.WorkOrderFact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns what a change announces into events, keyed by the work order so that its events stay in
 * order. Each carries what analytics needs without looking anything up: department, step, due time,
 * durations and whether the OLA was breached.
 */
@Component
class WorkOrderEvents {

  private final Events events;

  WorkOrderEvents(Events events) {
    this.events = events;
  }

  List<EventMessage> of(WorkOrderChange change, DepartmentDirectory departments, Instant now) {
    WorkOrder order = change.order();
    return change.facts().stream()
        .map(fact -> events.create(order.id(), event(order, fact, departments, now)))
        .toList();
  }

  private static Record event(
      WorkOrder order, WorkOrderFact fact, DepartmentDirectory departments, Instant now) {
    TicketFacts ticket = order.ticket();
    Instant expected = order.expectedCompletion();
    if (fact instanceof WorkOrderFact.StepReady ready) {
      return routed(order, ready.step(), departments, now);
    }
    if (fact instanceof WorkOrderFact.StepAssigned assigned) {
      Step step = assigned.step();
      return new WorkOrderStepAssigned(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          step.id(),
          step.definition().name(),
          step.department(),
          assigned.member(),
          assigned.rule(),
          now,
          step.dueAt(),
          order.round());
    }
    if (fact instanceof WorkOrderFact.StepStarted started) {
      Step step = started.step();
      return new WorkOrderStepStarted(
          order.id(),
          ticket.ticketId(),
          step.id(),
          step.definition().name(),
          step.department(),
          started.by(),
          step.startedAt(),
          step.readyAt(),
          step.dueAt(),
          seconds(step.readyAt(), step.startedAt()),
          expected,
          order.round());
    }
    if (fact instanceof WorkOrderFact.StepDone done) {
      Step step = done.step();
      return new WorkOrderStepCompleted(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          step.id(),
          step.definition().name(),
          step.definition().kind().name(),
          step.department(),
          step.outcome(),
          step.notes(),
          done.by(),
          step.doneAt(),
          step.readyAt(),
          step.dueAt(),
          seconds(step.readyAt(), step.doneAt()),
          step.breached(),
          expected,
          order.round());
    }
    if (fact instanceof WorkOrderFact.ComplaintSettled settled) {
      return new ComplaintResolved(
          ticket.ticketId(),
          order.id(),
          ticket.customerId(),
          settled.resolution(),
          settled.rootCause().name(),
          settled.step().department(),
          settled.by(),
          settled.step().doneAt());
    }
    if (fact instanceof WorkOrderFact.StepReturned returned) {
      return new WorkOrderStepReturned(
          order.id(),
          ticket.ticketId(),
          returned.step().id(),
          returned.step().definition().name(),
          returned.step().department(),
          returned.to().id(),
          returned.to().department(),
          returned.reason(),
          returned.by(),
          now,
          expected,
          order.round());
    }
    if (fact instanceof WorkOrderFact.StepTransferred transferred) {
      return new WorkOrderTransferred(
          order.id(),
          ticket.ticketId(),
          transferred.step().id(),
          transferred.step().definition().name(),
          transferred.from(),
          transferred.step().department(),
          transferred.reason(),
          transferred.by(),
          now,
          transferred.step().dueAt(),
          order.round());
    }
    if (fact instanceof WorkOrderFact.StepEscalated escalated) {
      Step step = escalated.step();
      return new WorkOrderEscalated(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          ticket.customerTier(),
          step.id(),
          step.definition().name(),
          step.department(),
          escalated.level(),
          EscalationPolicy.role(escalated.level()),
          departments.escalationContact(step.department(), escalated.level()),
          escalated.thresholdPercent(),
          step.dueAt(),
          now,
          step.dueAt().isBefore(now),
          order.round());
    }
    if (fact instanceof WorkOrderFact.Completed completed) {
      return new WorkOrderCompleted(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          completed.department(),
          completed.resolution(),
          order.completedAt());
    }
    if (fact instanceof WorkOrderFact.Resolved resolved) {
      return new WorkOrderResolved(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          resolved.department(),
          resolved.resolution(),
          resolved.at());
    }
    if (fact instanceof WorkOrderFact.StepWithdrawn withdrawn) {
      Step step = withdrawn.step();
      return new WorkOrderStepWithdrawn(
          order.id(),
          ticket.ticketId(),
          step.id(),
          step.definition().name(),
          step.department(),
          step.assignee(),
          withdrawn.reason(),
          now,
          order.round());
    }
    if (fact instanceof WorkOrderFact.Closed closed) {
      return new WorkOrderClosed(
          order.id(),
          ticket.ticketId(),
          ticket.customerId(),
          closed.status().name(),
          closed.reason(),
          now,
          order.round());
    }
    throw new IllegalArgumentException("no event for " + fact);
  }

  private static WorkOrderRouted routed(
      WorkOrder order, Step step, DepartmentDirectory departments, Instant now) {
    TicketFacts ticket = order.ticket();
    return new WorkOrderRouted(
        order.id(),
        ticket.ticketId(),
        ticket.customerId(),
        ticket.category(),
        step.department(),
        order.routingRule(),
        now,
        ticket.openedAt(),
        step.id(),
        step.definition().name(),
        step.definition().kind().name(),
        departments.customerName(step.department()),
        step.dueAt(),
        order.expectedCompletion(),
        order.round(),
        needsCustomerContact(step.definition().kind().name()),
        departments.customerNames(step.department()),
        ticket.ticketNumber(),
        ticket.title(),
        ticket.customerTier(),
        order.priority() == null ? null : order.priority().name());
  }

  /** A call-back or an acceptance reaches the customer; for other steps the department decides. */
  private static Boolean needsCustomerContact(String kind) {
    return kind.equals("FOLLOW_UP") || kind.equals("CUSTOMER_ACCEPTANCE") ? Boolean.TRUE : null;
  }

  private static long seconds(Instant from, Instant to) {
    return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
  }
}
