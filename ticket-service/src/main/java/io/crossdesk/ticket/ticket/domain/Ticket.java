package io.crossdesk.ticket.ticket.domain;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's request, owned by the desk from opening to closing while departments do the work.
 * Immutable: every change returns the changed ticket.
 *
 * @param version the number of changes stored so far; guards against lost updates
 */
public record Ticket(
    UUID id,
    String customerId,
    CustomerTier customerTier,
    Channel channel,
    String category,
    Priority priority,
    String title,
    String description,
    TicketStatus status,
    Origin origin,
    String department,
    String workOrderId,
    Instant openedAt,
    Instant resolveBy,
    List<TimelineEntry> timeline,
    long version) {

  public Ticket {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(origin, "origin");
    timeline = List.copyOf(timeline);
  }

  public static Ticket open(
      UUID id,
      TicketDraft draft,
      CustomerTier tier,
      Origin origin,
      Instant openedAt,
      Instant resolveBy) {
    TimelineEntry opened =
        new TimelineEntry(
            openedAt,
            TimelineEntryType.OPENED,
            "We received your request: " + draft.title(),
            origin.openedBy());
    return new Ticket(
        id,
        draft.customerId(),
        Objects.requireNonNull(tier, "tier"),
        draft.channel(),
        draft.category(),
        draft.priority(),
        draft.title(),
        draft.description(),
        TicketStatus.OPEN,
        origin,
        null,
        null,
        openedAt,
        resolveBy,
        List.of(opened),
        0);
  }

  /**
   * True when this ticket is already with the given work order: routing it again changes nothing.
   */
  public boolean isRoutedTo(String workOrderId) {
    return status == TicketStatus.ROUTED && Objects.equals(this.workOrderId, workOrderId);
  }

  /**
   * A work order for this ticket was routed to the department that must act. The department is the
   * timeline's actor: it is who the customer now waits on.
   *
   * @param at when this service learnt of the routing, by its own clock
   */
  public Ticket routeTo(String workOrderId, String department, Instant at) {
    moveTo(TicketStatus.ROUTED);
    return new Ticket(
        id,
        customerId,
        customerTier,
        channel,
        category,
        priority,
        title,
        description,
        TicketStatus.ROUTED,
        origin,
        Objects.requireNonNull(department, "department"),
        Objects.requireNonNull(workOrderId, "workOrderId"),
        openedAt,
        resolveBy,
        append(
            new TimelineEntry(
                at,
                TimelineEntryType.ROUTED,
                "Your request was passed to " + department,
                department)),
        version);
  }

  public boolean isFor(String customerId) {
    return this.customerId.equals(customerId);
  }

  /** True once the ticket is routed to this department; an unrouted ticket is with none. */
  public boolean isWith(String department) {
    return this.department != null && this.department.equals(department);
  }

  private void moveTo(TicketStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(id.toString(), status, target);
    }
  }

  private List<TimelineEntry> append(TimelineEntry entry) {
    List<TimelineEntry> longer = new ArrayList<>(timeline);
    longer.add(entry);
    return longer;
  }
}
