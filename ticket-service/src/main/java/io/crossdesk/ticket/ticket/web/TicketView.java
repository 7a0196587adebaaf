package io.crossdesk.ticket.ticket.web;

import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;

/** A ticket as callers see it, customers included: nothing internal to the desk. */
public record TicketView(
    String id,
    String customerId,
    String customerTier,
    String status,
    String channel,
    String category,
    String priority,
    String title,
    String description,
    String department,
    String workOrderId,
    Instant openedAt,
    Instant resolveBy,
    List<TimelineEntryView> timeline) {

  static TicketView of(Ticket ticket) {
    return new TicketView(
        ticket.id().toString(),
        ticket.customerId(),
        ticket.customerTier().name(),
        ticket.status().name(),
        ticket.channel().name(),
        ticket.category(),
        ticket.priority().name(),
        ticket.title(),
        ticket.description(),
        ticket.department(),
        ticket.workOrderId(),
        ticket.openedAt(),
        ticket.resolveBy(),
        ticket.timeline().stream().map(TimelineEntryView::of).toList());
  }

  /** One step of the customer-visible timeline. */
  public record TimelineEntryView(Instant at, String type, String text, String actor) {

    static TimelineEntryView of(TimelineEntry entry) {
      return new TimelineEntryView(entry.at(), entry.type().name(), entry.text(), entry.actor());
    }
  }
}
