package io.crossdesk.workorder.order;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.configuration.ConfigurationSnapshot;
import io.crossdesk.workorder.configuration.RoutingConfiguration;
import io.crossdesk.workorder.escalation.StepEscalations;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.persistence.StoredWorkOrder;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import io.crossdesk.workorder.web.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies one move to a stored work order: read, change, give the steps it made ready to members
 * where the department assigns work, write with the events it causes, and keep its escalation
 * timers. A write that loses to a concurrent one is read and decided again, so of two people
 * claiming the same step the second finds it claimed and is refused.
 */
@Service
public class WorkOrderChanges {

  private static final int ATTEMPTS = 5;

  /** One move of a work order, given the configuration and time it is made at. */
  @FunctionalInterface
  public interface Move {
    WorkOrderChange apply(WorkOrder order, ConfigurationSnapshot configuration, Instant now);
  }

  private final WorkOrderStore store;
  private final RoutingConfiguration configuration;
  private final WorkOrderAnnouncements announcements;
  private final StepEscalations escalations;
  private final StepAssignment assignment;
  private final Clock clock;

  WorkOrderChanges(
      WorkOrderStore store,
      RoutingConfiguration configuration,
      WorkOrderAnnouncements announcements,
      StepEscalations escalations,
      StepAssignment assignment,
      Clock clock) {
    this.store = store;
    this.configuration = configuration;
    this.announcements = announcements;
    this.escalations = escalations;
    this.assignment = assignment;
    this.clock = clock;
  }

  /**
   * @throws NotFoundException when there is no such work order
   * @throws io.crossdesk.workorder.order.domain.StepConflictException when the move is not allowed
   *     in the state found
   */
  public WorkOrder apply(String workOrderId, Move move) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      StoredWorkOrder read =
          store
              .find(workOrderId)
              .orElseThrow(() -> new NotFoundException("No work order " + workOrderId));
      ConfigurationSnapshot current = configuration.current();
      Instant now = now();
      WorkOrderChange moved = move.apply(read.order(), current, now);
      if (!moved.changed(read.order())) {
        return read.order();
      }
      WorkOrderChange change = assignment.assignReady(moved, current.departments(), now);
      List<EventMessage> events = announcements.of(change, current.departments(), now);
      escalations.scheduleNew(read.order(), change.order(), current.departments());
      try {
        store.update(read, change.order(), events);
      } catch (OptimisticLockingFailureException changedMeanwhile) {
        continue;
      }
      escalations.cancelMoot(read.order(), change.order(), current.departments());
      return change.order();
    }
    throw new ConflictException(
        "work order " + workOrderId + " keeps changing under this request; try again");
  }

  /** MongoDB keeps milliseconds: events then say exactly what is stored. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
