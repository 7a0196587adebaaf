package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.Enums;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Query parameters of GET /api/tickets; each filter left out (or left empty) matches any ticket.
 * {@code deadline} is BREACHED or AT_RISK; {@code sort} is NEWEST (the default), OLDEST or
 * DUE_SOONEST; pages count from 0 and hold 20 tickets unless {@code size} says otherwise (at most
 * 100).
 */
public record TicketSearchParams(
    String customerId,
    String sourceSystem,
    String externalId,
    String number,
    @OneOf(TicketStatus.class) String status,
    String owner,
    String department,
    @OneOf(Channel.class) String channel,
    @OneOf(TicketType.class) String type,
    String category,
    @OneOf(TicketFilter.DeadlineState.class) String deadline,
    @OneOf(TicketOrder.class) String sort,
    @Min(0) @Max(10_000) Integer page,
    @Min(1) @Max(100) Integer size) {

  public TicketSearchParams {
    customerId = blankAsAbsent(customerId);
    sourceSystem = blankAsAbsent(sourceSystem);
    externalId = blankAsAbsent(externalId);
    number = blankAsAbsent(number);
    status = blankAsAbsent(status);
    owner = blankAsAbsent(owner);
    department = blankAsAbsent(department);
    channel = blankAsAbsent(channel);
    type = blankAsAbsent(type);
    category = blankAsAbsent(category);
    deadline = blankAsAbsent(deadline);
    sort = blankAsAbsent(sort);
  }

  TicketFilter toFilter() {
    return new TicketFilter(
        customerId,
        sourceSystem,
        externalId,
        number,
        parse(TicketStatus.class, "status", status),
        owner,
        department,
        parse(Channel.class, "channel", channel),
        parse(TicketType.class, "type", type),
        category,
        parse(TicketFilter.DeadlineState.class, "deadline", deadline));
  }

  TicketOrder order() {
    return sort == null ? TicketOrder.NEWEST : Enums.parse(TicketOrder.class, "sort", sort);
  }

  int pageNumber() {
    return page == null ? 0 : page;
  }

  int pageSize() {
    return size == null ? 20 : size;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    return value == null ? null : Enums.parse(type, field, value);
  }

  private static String blankAsAbsent(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
