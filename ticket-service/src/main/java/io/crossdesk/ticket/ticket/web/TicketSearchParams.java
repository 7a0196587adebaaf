package io.crossdesk.ticket.ticket.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.ticket.ticket.TicketFilter;
import io.crossdesk.ticket.ticket.domain.Enums;
import io.crossdesk.ticket.ticket.domain.TicketStatus;

/** Query parameters of GET /api/tickets; each one left out (or left empty) matches any ticket. */
public record TicketSearchParams(
    String customerId,
    String sourceSystem,
    String externalId,
    @OneOf(TicketStatus.class) String status) {

  public TicketSearchParams {
    customerId = blankAsAbsent(customerId);
    sourceSystem = blankAsAbsent(sourceSystem);
    externalId = blankAsAbsent(externalId);
    status = blankAsAbsent(status);
  }

  private static String blankAsAbsent(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  TicketFilter toFilter() {
    return new TicketFilter(
        customerId,
        sourceSystem,
        externalId,
        status == null ? null : Enums.parse(TicketStatus.class, "status", status),
        null);
  }
}
