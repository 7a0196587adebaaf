package io.crossdesk.workorder.order.application;

import io.crossdesk.platform.aggregate.AggregateNotFoundException;
import io.crossdesk.platform.aggregate.Change;
import io.crossdesk.platform.aggregate.ConcurrentChangeException;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.workorder.ConflictException;
import io.crossdesk.workorder.configuration.application.ConfigurationSnapshot;
import io.crossdesk.workorder.configuration.application.RoutingConfiguration;
import io.crossdesk.workorder.order.domain.WorkOrder;
import io.crossdesk.workorder.order.domain.WorkOrderChange;
import io.crossdesk.workorder.order.persistence.WorkOrderStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;

/**
 * Decides one move of a stored work order: the move itself, the steps it made ready given to
 * members where the department assigns work, and the events it causes. The platform's aggregate
 * store reads and writes, and decides again when a concurrent write got there first, so of two
 * people claiming the same step the second finds it claimed and is refused; the escalation timers
 * the order needs ({@link WorkOrderTimers}) are written with it.
 */
@Service
public class WorkOrderMoves {

  /** One move of a work order, given the configuration and time it is made at. */
  @FunctionalInterface
  public interface Move {
    WorkOrderChange apply(WorkOrder order, ConfigurationSnapshot configuration, Instant now);
  }

  private final WorkOrderStore store;
  private final RoutingConfiguration configuration;
  private final WorkOrderEvents events;
  private final StepAssignment assignment;
  private final Clock clock;

  WorkOrderMoves(
      WorkOrderStore store,
      RoutingConfiguration configuration,
      WorkOrderEvents events,
      StepAssignment assignment,
      Clock clock) {
    this.store = store;
    this.configuration = configuration;
    this.events = events;
    this.assignment = assignment;
    this.clock = clock;
  }

  /**
   * @throws NotFoundException when there is no such work order
   * @throws io.crossdesk.workorder.order.domain.StepConflictException when the move is not allowed
   *     in the state found
   */
  public WorkOrder apply(String workOrderId, Move move) {
    return apply(workOrderId, null, move);
  }

  /**
   * {@link #apply(String, Move)} for the effect of an inbound event, once: a redelivered event
   * changes nothing (the aggregate store keeps the ids of the events a work order applied).
   */
  public WorkOrder apply(String workOrderId, String eventId, Move move) {
    try {
      return store.apply(
          workOrderId,
          eventId,
          order -> {
            ConfigurationSnapshot current = configuration.current();
            Instant now = now();
            WorkOrderChange moved = move.apply(order, current, now);
            if (!moved.changed(order)) {
              return Change.none(order);
            }
            WorkOrderChange change = assignment.assignReady(moved, current.departments(), now);
            return Change.of(change.order(), events.of(change, current.departments(), now));
          });
    } catch (AggregateNotFoundException unknown) {
      throw new NotFoundException("No work order " + workOrderId);
    } catch (ConcurrentChangeException keptChanging) {
      throw new ConflictException(
          "work order " + workOrderId + " keeps changing under this request; try again");
    }
  }

  /**
   * The time a move is decided at, read once per decision after the work order is read. MongoDB
   * keeps milliseconds: events then say exactly what is stored.
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
