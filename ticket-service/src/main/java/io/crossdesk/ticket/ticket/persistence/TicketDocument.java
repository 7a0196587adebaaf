package io.crossdesk.ticket.ticket.persistence;

import io.crossdesk.platform.events.EventMessage;
import io.crossdesk.platform.outbox.HasOutbox;
import io.crossdesk.ticket.ticket.domain.Ticket;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A ticket as stored, with the events its last changes caused waiting in {@code outbox}. {@code
 * resolveBy} and {@code atRiskFrom} are derived from the ticket's SLA clock when it is written, so
 * that the breached and at-risk lists are index queries; both are absent while the clock is paused
 * or stopped. Its indexes are created by {@link TicketStore} at start-up.
 */
@Document(TicketDocument.COLLECTION)
record TicketDocument(
    @Id String id,
    Ticket ticket,
    Instant resolveBy,
    Instant atRiskFrom,
    long version,
    List<EventMessage> outbox)
    implements HasOutbox {

  static final String COLLECTION = "tickets";

  Ticket toTicket() {
    return ticket.atVersion(version);
  }
}
