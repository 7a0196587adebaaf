package io.crossdesk.ticket.ticket;

import io.crossdesk.ticket.ticket.domain.Ticket;
import java.util.List;

/** One page of a ticket list; {@code hasNext} says whether another page follows. */
public record TicketPage(List<Ticket> tickets, int page, int size, boolean hasNext) {}
