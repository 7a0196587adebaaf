package io.crossdesk.ticket.ticket.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.ticket.domain.Channel;
import io.crossdesk.ticket.ticket.domain.Origin;
import io.crossdesk.ticket.ticket.domain.Priority;
import io.crossdesk.ticket.ticket.domain.Ticket;
import io.crossdesk.ticket.ticket.domain.TicketStatus;
import io.crossdesk.ticket.ticket.domain.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ticket as stored, with the events its last changes caused waiting in {@code outbox}. Its
 * indexes are created by {@link TicketStore} at start-up.
 */
@Document(TicketDocument.COLLECTION)
record TicketDocument(
    @Id String id,
    String customerId,
    CustomerTier customerTier,
    Channel channel,
    String category,
    Priority priority,
    String title,
    String description,
    TicketStatus status,
    String openedBy,
    String sourceSystem,
    String externalId,
    String department,
    String workOrderId,
    Instant openedAt,
    Instant resolveBy,
    List<TimelineEntry> timeline,
    long version,
    List<EventMessage> outbox)
    implements HasOutbox {

  static final String COLLECTION = "tickets";

  static TicketDocument of(Ticket ticket, List<EventMessage> events) {
    return new TicketDocument(
        ticket.id().toString(),
        ticket.customerId(),
        ticket.customerTier(),
        ticket.channel(),
        ticket.category(),
        ticket.priority(),
        ticket.title(),
        ticket.description(),
        ticket.status(),
        ticket.origin().openedBy(),
        ticket.origin().sourceSystem(),
        ticket.origin().externalId(),
        ticket.department(),
        ticket.workOrderId(),
        ticket.openedAt(),
        ticket.resolveBy(),
        ticket.timeline(),
        ticket.version(),
        List.copyOf(events));
  }

  Ticket toTicket() {
    return new Ticket(
        UUID.fromString(id),
        customerId,
        customerTier,
        channel,
        category,
        priority,
        title,
        description,
        status,
        new Origin(openedBy, sourceSystem, externalId),
        department,
        workOrderId,
        openedAt,
        resolveBy,
        timeline == null ? List.of() : timeline,
        version);
  }
}
