package io.crossdesk.ticket.ticket;

import io.crossdesk.ticket.ticket.domain.TicketStatus;

/** Which tickets to list; a null criterion matches any ticket. */
public record TicketFilter(
    String customerId,
    String sourceSystem,
    String externalId,
    TicketStatus status,
    String department) {

  public TicketFilter forCustomer(String ownCustomerId) {
    return new TicketFilter(ownCustomerId, sourceSystem, externalId, status, department);
  }

  public TicketFilter forDepartment(String ownDepartment) {
    return new TicketFilter(customerId, sourceSystem, externalId, status, ownDepartment);
  }
}
