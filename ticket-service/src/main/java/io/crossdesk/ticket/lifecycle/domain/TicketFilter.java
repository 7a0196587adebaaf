package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.TicketType;

/**
 * Which tickets to list; a null criterion matches any ticket.
 *
 * @param deadline BREACHED: open and past its resolution deadline; AT_RISK: open, past its first
 *     escalation threshold and not yet breached
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
    DeadlineState deadline) {

  /** How a list narrows tickets by their resolution deadline. */
  public enum DeadlineState {
    BREACHED,
    AT_RISK
  }

  public static TicketFilter any() {
    return new TicketFilter(null, null, null, null, null, null, null, null, null, null, null);
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
        deadline);
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
        deadline);
  }
}
