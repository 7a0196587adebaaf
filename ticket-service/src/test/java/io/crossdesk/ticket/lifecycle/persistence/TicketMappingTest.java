package io.crossdesk.ticket.lifecycle.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.testsupport.SpringDataShape;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Resolution;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFixtures;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The hand-written ticket mapping: lossless, and the stored shape earlier releases wrote. */
class TicketMappingTest {

  private static final Instant AT = Instant.parse("2026-12-01T09:00:00.123Z");

  private final TicketMapping mapping = new TicketMapping(null);

  /** A ticket that has been through most of its life: every field and nested list filled. */
  private static Ticket worked() {
    Ticket ticket = TicketFixtures.opened("cust-1", Origin.system("crm", "CRM-7"), AT);
    Instant at = AT;
    ticket = ticket.routeTo("wo-1", "billing", "our billing team", at = at.plusSeconds(60), "e-1");
    ticket = ticket.startWork("Work started", "billing", at = at.plusSeconds(60), "e-2");
    ticket = ticket.waitForCustomer("need the invoice", "agent-7", at = at.plusSeconds(60));
    ticket = ticket.resume("agent-7", at = at.plusSeconds(600));
    ticket = ticket.note("second time this month", "agent-7", at = at.plusSeconds(60));
    ticket =
        ticket.resolve(
            new Resolution("refunded", "billing-1", "billing", at = at.plusSeconds(60), false),
            "e-3");
    return ticket.atVersion(7);
  }

  @Test
  void a_ticket_reads_back_as_it_was_written() {
    Ticket ticket = worked();

    Ticket read = mapping.read(stored(ticket));

    assertThat(read).isEqualTo(ticket);
    assertThat(read.sla().pauses()).hasSize(1);
    assertThat(read.resolution().summary()).isEqualTo("refunded");
  }

  @Test
  void a_freshly_opened_ticket_reads_back_with_its_absent_fields_absent() {
    Ticket ticket = TicketFixtures.opened("cust-2", Origin.person("agent-7"), AT).atVersion(0);

    Document fields = TicketMapping.ticketFields(ticket);

    assertThat(fields.get("origin", Document.class))
        .doesNotContainKeys("sourceSystem", "externalId");
    assertThat(fields).doesNotContainKeys("resolution", "workOrderId", "department", "closeReason");
    assertThat(mapping.read(stored(ticket))).isEqualTo(ticket);
  }

  @Test
  void writes_the_shape_spring_data_wrote_for_the_ticket_record_so_stored_tickets_stay_readable() {
    Ticket ticket = worked();
    Document reflective = SpringDataShape.of(ticket);
    reflective.remove("version");

    assertThat(TicketMapping.ticketFields(ticket)).isEqualTo(reflective);
    assertThat(mapping.read(stored(reflective, ticket))).isEqualTo(ticket);
  }

  private static Document stored(Ticket ticket) {
    return stored(TicketMapping.ticketFields(ticket), ticket);
  }

  private static Document stored(Document fields, Ticket ticket) {
    return new Document("_id", ticket.id())
        .append(TicketMapping.TICKET, fields)
        .append("version", ticket.version());
  }
}
