package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import java.time.Instant;
import java.util.Set;

/**
 * Which tickets to list; a null criterion matches any ticket.
 *
 * @param deadline BREACHED: open and past its resolution deadline; AT_RISK: open, past its first
 *     escalation threshold and not yet breached
 * @param openedFrom opened at or after, or null
 * @param openedBefore opened before, or null
 * @param statusIn in one of these statuses, or null; a {@code status} given instead wins
 */
public record TicketFilter(
    String customerId,
    String sourceSystem,
    String externalId,
    String number,
    TicketStatus status,
    String owner,
    String department,
    Channel channel,
    TicketType type,
    String category,
    DeadlineState deadline,
    Priority priority,
    Instant openedFrom,
    Instant openedBefore,
    Set<TicketStatus> statusIn) {

  /** How a list narrows tickets by their resolution deadline. */
  public enum DeadlineState {
    BREACHED,
    AT_RISK
  }

  /** The criteria of the ticket API's list. */
  public TicketFilter(
      String customerId,
      String sourceSystem,
      String externalId,
      String number,
      TicketStatus status,
      String owner,
      String department,
      Channel channel,
      TicketType type,
      String category,
      DeadlineState deadline) {
    this(
        customerId,
        sourceSystem,
        externalId,
        number,
        status,
        owner,
        department,
        channel,
        type,
        category,
        deadline,
        null,
        null,
        null,
        null);
  }

  public static TicketFilter any() {
    return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null);
  }

  public TicketFilter {
    statusIn = statusIn == null ? null : Set.copyOf(statusIn);
  }

  public TicketFilter forCustomer(String ownCustomerId) {
    return new TicketFilter(
        ownCustomerId,
        sourceSystem,
        externalId,
        number,
        status,
        owner,
        department,
        channel,
        type,
        category,
        deadline,
        priority,
        openedFrom,
        openedBefore,
        statusIn);
  }

  public TicketFilter forDepartment(String ownDepartment) {
    return new TicketFilter(
        customerId,
        sourceSystem,
        externalId,
        number,
        status,
        owner,
        ownDepartment,
        channel,
        type,
        category,
        deadline,
        priority,
        openedFrom,
        openedBefore,
        statusIn);
  }

  public TicketFilter forSourceSystem(String ownSystem) {
    return new TicketFilter(
        customerId,
        ownSystem,
        externalId,
        number,
        status,
        owner,
        department,
        channel,
        type,
        category,
        deadline,
        priority,
        openedFrom,
        openedBefore,
        statusIn);
  }
}
