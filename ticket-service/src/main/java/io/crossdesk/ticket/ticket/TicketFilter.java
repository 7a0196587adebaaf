package io.crossdesk.ticket.ticket;

import io.crossdesk.ticket.ticket.domain.TicketStatus;

/** Which tickets to list; a null criterion matches any ticket. */
public record TicketFilter(
    String customerId, String sourceSystem, String externalId, TicketStatus status) {

  public TicketFilter forCustomer(String ownCustomerId) {
    return new TicketFilter(ownCustomerId, sourceSystem, externalId, status);
  }
}
