package io.crossdesk.ticket.lifecycle.domain;

import java.util.List;

/** One page of a ticket list; {@code hasNext} says whether another page follows. */
public record TicketPage(List<Ticket> tickets, int page, int size, boolean hasNext) {}
