package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Classification;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.sla.domain.SlaTargets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Tickets as the domain opens them, for tests outside the domain package. */
public final class TicketFixtures {

  private TicketFixtures() {}

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000);

  public static Ticket opened(String customerId, Instant at) {
    return opened(customerId, Origin.person("agent-7"), at);
  }

  /** Each with a number of its own, as the store's unique index requires. */
  public static Ticket opened(String customerId, Origin origin, Instant at) {
    return Ticket.open(
        UUID.randomUUID().toString(),
        "CD-20261201-" + SEQUENCE.incrementAndGet(),
        new TicketDraft(customerId, Channel.WEB, "NETWORK", null, null, "No signal", null),
        new Classification(CustomerTier.B, false, TicketType.FAULT, Priority.LOW),
        origin,
        "agent-7",
        at,
        1,
        new SlaTargets(60, 480));
  }
}
