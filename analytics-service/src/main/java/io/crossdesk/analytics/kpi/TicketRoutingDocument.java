package io.crossdesk.analytics.kpi;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * When a ticket was opened and when it was first routed. The two arrive on different topics, in
 * either order; the routing time is known once both are.
 */
@Document(TicketRoutingStore.COLLECTION)
record TicketRoutingDocument(@Id String ticketId, Instant openedAt, Instant routedAt) {}
