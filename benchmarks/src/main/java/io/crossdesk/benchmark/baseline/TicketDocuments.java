package io.crossdesk.benchmark.baseline;

import com.mongodb.client.model.Updates;
import io.crossdesk.benchmark.load.IntakeRequests;
import io.crossdesk.contracts.EventTypes;
import io.crossdesk.contracts.Topics;
import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.workorder.WorkOrderRouted;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents one intake ticket makes the services write, field for field as they store them
 * (names, order, {@code _class}, the event in the outbox with its JSON data), so that the store
 * alone handles documents of the same shape and size as end to end.
 */
final class TicketDocuments {

  static final String CUSTOMER_TIER = "B";
  static final String CATEGORY = "BILLING";
  static final String CHANNEL = "SYSTEM";
  static final String DEPARTMENT = "billing";
  private static final String PRIORITY = "NORMAL";
  private static final String DESCRIPTION = "Opened by the Crossdesk benchmark";
  private static final String CUSTOMER_NAME = "Benchmark Customer";
  private static final String EMAIL = "benchmark@crossdesk.example";
  private static final Duration LEASE = Duration.ofSeconds(45);
  private static final Duration RESOLUTION = Duration.ofHours(48);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TicketDocuments() {}

  /** One ticket on its way, with the ids the services would give it. */
  static final class MixTicket {
    final String ticketId = UUID.randomUUID().toString();
    final String ticketEventId = UUID.randomUUID().toString();
    final String workOrderId = UUID.randomUUID().toString();
    final String workOrderEventId = UUID.randomUUID().toString();
    final String notificationId = UUID.randomUUID().toString();
    final String externalId;
    final String customerId;
    final Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant routedAt;

    MixTicket(String externalId, String customerId) {
      this.externalId = externalId;
      this.customerId = customerId;
    }

    String title() {
      return "Benchmark request " + externalId;
    }
  }

  /** ticket-service's projection of the customer ({@code customers}). */
  static Document customer(String customerId) {
    return new Document("_id", customerId)
        .append("tier", CUSTOMER_TIER)
        .append("name", CUSTOMER_NAME)
        .append("updatedAt", new Date());
  }

  /** notification-service's contact of the customer ({@code contacts}). */
  static Document contact(String customerId) {
    return new Document("_id", customerId)
        .append("name", CUSTOMER_NAME)
        .append("email", EMAIL)
        .append("phone", "+1-555-0199")
        .append("registeredAt", new Date())
        .append("_class", "io.crossdesk.notification.contact.ContactDocument");
  }

  /** The pending marker the outbox writes before the aggregate ({@code outbox_pending}). */
  static Document marker(String eventId, String collection, String aggregateId) {
    return new Document("_id", eventId)
        .append("collection", collection)
        .append("aggregateId", aggregateId)
        .append("lease", Date.from(Instant.now().plus(LEASE)))
        .append("attempts", 0);
  }

  /** A new ticket with its TicketOpened in the outbox ({@code tickets}). */
  static Document openedTicket(MixTicket t) {
    return ticketState(t, "OPEN", List.of(timelineOpened(t)))
        .append("version", 0L)
        .append("outbox", List.of(ticketOpened(t)))
        .append("_class", "io.crossdesk.ticket.ticket.persistence.TicketDocument");
  }

  /** ticket-service's routing change: every state field set, the version counted up. */
  static Bson routedTicketUpdate(MixTicket t) {
    Document state =
        ticketState(t, "ROUTED", List.of(timelineOpened(t), timelineRouted(t)))
            .append("department", DEPARTMENT)
            .append("workOrderId", t.workOrderId);
    state.remove("_id");
    List<Bson> updates = new ArrayList<>();
    state.forEach((field, value) -> updates.add(Updates.set(field, value)));
    updates.add(Updates.inc("version", 1));
    return Updates.combine(updates);
  }

  /**
   * The filter of a versioned write, one document with both fields as Spring Data writes it: the
   * store plans the {@code (_id, version)} index only for exactly these fields, not for an {@code
   * $and} of them.
   */
  static Bson sameVersion(String id, long version) {
    return new Document("_id", id).append("version", version);
  }

  /** A new work order with its WorkOrderRouted in the outbox ({@code work_orders}). */
  static Document workOrder(MixTicket t) {
    return new Document("_id", t.workOrderId)
        .append("ticketId", t.ticketId)
        .append("customerId", t.customerId)
        .append("customerTier", CUSTOMER_TIER)
        .append("category", CATEGORY)
        .append("priority", PRIORITY)
        .append("title", t.title())
        .append("department", DEPARTMENT)
        .append("routingRule", "billing-disputes")
        .append("status", "ROUTED")
        .append("createdAt", Date.from(t.routedAt))
        .append("resolveBy", Date.from(t.openedAt.plus(RESOLUTION)))
        .append("version", 0L)
        .append("outbox", List.of(workOrderRouted(t)))
        .append("_class", "io.crossdesk.workorder.workorder.persistence.WorkOrderDocument");
  }

  /** The "ticket received" acknowledgement ({@code notifications}). */
  static Document notification(MixTicket t) {
    return new Document("_id", t.notificationId)
        .append("eventId", t.ticketEventId)
        .append("customerId", t.customerId)
        .append("ticketId", t.ticketId)
        .append("channel", "EMAIL")
        .append("recipient", EMAIL)
        .append("template", "ticket-received")
        .append("subject", "We have received your request: " + t.title())
        .append(
            "body",
            "Your request \""
                + t.title()
                + "\" is registered as ticket "
                + t.ticketId
                + ". We will resolve it by 2026-12-03 21:37 UTC. Please quote the ticket number"
                + " whenever you contact us about it.")
        .append("status", "QUEUED")
        .append("createdAt", new Date())
        .append("_class", "io.crossdesk.notification.log.NotificationDocument");
  }

  /** analytics-service's record of a processed event ({@code processed_events}). */
  static Document processedEvent(String consumer, String eventId, String type, String delivery) {
    return new Document("_id", consumer + ":" + eventId)
        .append("consumer", consumer)
        .append("eventId", eventId)
        .append("type", type)
        .append("delivery", delivery)
        .append("processedAt", new Date());
  }

  /** A document of about {@code bytes} bytes with nothing but {@code _id} to index. */
  static Document filler(int bytes) {
    byte[] random = new byte[Math.max(1, (bytes - 60) / 2)];
    ThreadLocalRandom.current().nextBytes(random);
    return new Document("_id", UUID.randomUUID().toString())
        .append("payload", HexFormat.of().formatHex(random));
  }

  private static Document ticketState(MixTicket t, String status, List<Document> timeline) {
    return new Document("_id", t.ticketId)
        .append("customerId", t.customerId)
        .append("customerTier", CUSTOMER_TIER)
        .append("channel", CHANNEL)
        .append("category", CATEGORY)
        .append("priority", PRIORITY)
        .append("title", t.title())
        .append("description", DESCRIPTION)
        .append("status", status)
        .append("openedBy", IntakeRequests.SOURCE_SYSTEM)
        .append("sourceSystem", IntakeRequests.SOURCE_SYSTEM)
        .append("externalId", t.externalId)
        .append("openedAt", Date.from(t.openedAt))
        .append("resolveBy", Date.from(t.openedAt.plus(RESOLUTION)))
        .append("timeline", timeline);
  }

  private static Document timelineOpened(MixTicket t) {
    return new Document("at", Date.from(t.openedAt))
        .append("type", "OPENED")
        .append("text", "We received your request: " + t.title())
        .append("actor", IntakeRequests.SOURCE_SYSTEM);
  }

  private static Document timelineRouted(MixTicket t) {
    return new Document("at", new Date())
        .append("type", "ROUTED")
        .append("text", "Your request was passed to " + DEPARTMENT)
        .append("actor", DEPARTMENT);
  }

  private static Document ticketOpened(MixTicket t) {
    TicketOpened data =
        new TicketOpened(
            t.ticketId,
            t.customerId,
            CUSTOMER_TIER,
            CHANNEL,
            CATEGORY,
            PRIORITY,
            t.title(),
            DESCRIPTION,
            IntakeRequests.SOURCE_SYSTEM,
            IntakeRequests.SOURCE_SYSTEM,
            t.externalId,
            t.openedAt,
            t.openedAt.plus(RESOLUTION),
            null,
            null,
            null,
            null,
            null);
    return event(
        t.ticketEventId,
        "/crossdesk/ticket-service",
        EventTypes.TICKET_OPENED,
        t.ticketId,
        Topics.TICKETS,
        JSON.writeValueAsString(data));
  }

  private static Document workOrderRouted(MixTicket t) {
    WorkOrderRouted data =
        new WorkOrderRouted(
            t.workOrderId,
            t.ticketId,
            t.customerId,
            CATEGORY,
            DEPARTMENT,
            "billing-disputes",
            t.routedAt,
            t.openedAt);
    return event(
        t.workOrderEventId,
        "/crossdesk/workorder-service",
        EventTypes.WORKORDER_ROUTED,
        t.workOrderId,
        Topics.WORKORDERS,
        JSON.writeValueAsString(data));
  }

  /** An EventMessage as the outbox stores it. */
  private static Document event(
      String eventId, String source, String type, String subject, String topic, String data) {
    byte[] trace = new byte[24];
    ThreadLocalRandom.current().nextBytes(trace);
    String hex = HexFormat.of().formatHex(trace);
    return new Document("eventId", eventId)
        .append("source", source)
        .append("type", type)
        .append("subject", subject)
        .append("time", new Date())
        .append("traceparent", "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01")
        .append("topic", topic)
        .append("key", subject)
        .append("data", data);
  }
}
