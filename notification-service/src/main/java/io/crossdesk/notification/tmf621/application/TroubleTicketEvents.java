package io.crossdesk.notification.tmf621.application;

import io.crossdesk.contracts.ticket.TicketOpened;
import io.crossdesk.contracts.ticket.TicketReclassified;
import io.crossdesk.contracts.ticket.TicketStatusChanged;
import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.notification.tmf621.domain.TroubleTicketEventType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Crossdesk ticket event tells a TMF621 listener: the notifications it becomes, each with
 * the part of the TroubleTicket it changed. Statuses, priorities and severities read as contracts'
 * {@link Tmf621} tables say, as the Trouble Ticket API itself answers them. Events of other types
 * become none.
 */
final class TroubleTicketEvents {

  private static final Logger LOG = LoggerFactory.getLogger(TroubleTicketEvents.class);
  private static final String RESOLVED = "RESOLVED";
  private static final String WAITING_CUSTOMER = "WAITING_CUSTOMER";
  private static final String TROUBLE_TICKET = "TroubleTicket";

  /**
   * One notification of one ticket.
   *
   * @param occurredAt when the change happened in the ticket
   * @param troubleTicket the TroubleTicket fields it tells, nulls left out
   */
  record Notification(
      TroubleTicketEventType type,
      String ticketId,
      String title,
      Instant occurredAt,
      ObjectNode troubleTicket) {}

  private final JsonMapper json;

  TroubleTicketEvents(JsonMapper json) {
    this.json = json;
  }

  List<Notification> of(Object data) {
    if (data instanceof TicketOpened opened) {
      return List.of(created(opened));
    }
    if (data instanceof TicketStatusChanged changed) {
      return statusChanged(changed);
    }
    if (data instanceof TicketReclassified reclassified) {
      return List.of(reclassified(reclassified));
    }
    return List.of();
  }

  private Notification created(TicketOpened opened) {
    ObjectNode ticket = ticket(opened.ticketId());
    text(ticket, "name", opened.title());
    text(ticket, "description", opened.description());
    text(ticket, "severity", Tmf621.severity(opened.priority()));
    text(ticket, "priority", Tmf621.priority(opened.priority()));
    text(ticket, "ticketType", opened.category());
    text(ticket, "status", Tmf621.status("OPEN"));
    text(ticket, "externalId", opened.externalId());
    if (opened.channel() != null) {
      // ChannelRef requires an id; Crossdesk's channels are known by their name alone.
      ticket.putObject("channel").put("id", opened.channel()).put("name", opened.channel());
    }
    ArrayNode parties = ticket.putArray("relatedParty");
    parties.add(party(opened.customerId(), "customer", "Customer"));
    if (opened.owner() != null) {
      parties.add(party(opened.owner(), "owner", Tmf621.ownerType(opened.owner())));
    }
    text(ticket, "creationDate", opened.openedAt());
    text(ticket, "expectedResolutionDate", opened.resolveBy());
    ticket.put("@type", TROUBLE_TICKET);
    ticket.put("@schemaLocation", Tmf621.SCHEMA_LOCATION);
    return new Notification(
        TroubleTicketEventType.CREATE,
        opened.ticketId(),
        "Trouble ticket " + number(opened.ticketNumber(), opened.ticketId()) + " created",
        opened.openedAt(),
        ticket);
  }

  /**
   * A change of TMF status, if the two Crossdesk statuses read differently (ROUTED and IN_PROGRESS
   * are both inProgress); and whatever the status was, a resolution or a request for information.
   */
  private List<Notification> statusChanged(TicketStatusChanged changed) {
    String from;
    String to;
    try {
      from = Tmf621.status(changed.from());
      to = Tmf621.status(changed.to());
    } catch (IllegalArgumentException unknown) {
      // Its schema lists the statuses: a new one reaches here only before Tmf621 knows it.
      LOG.warn(
          "Ticket {} changed status in a way TMF621 cannot tell: {}",
          changed.ticketId(),
          unknown.getMessage());
      return List.of();
    }
    String number = number(changed.ticketNumber(), changed.ticketId());
    ObjectNode ticket = ticket(changed.ticketId());
    text(ticket, "status", to);
    text(ticket, "statusChangeDate", changed.changedAt());
    text(ticket, "statusChangeReason", changed.reason());
    text(ticket, "externalId", changed.externalId());
    ticket.put("@type", TROUBLE_TICKET);
    List<Notification> notifications = new ArrayList<>();
    if (!from.equals(to)) {
      notifications.add(
          new Notification(
              TroubleTicketEventType.STATUS_CHANGE,
              changed.ticketId(),
              "Trouble ticket " + number + " status changed to " + to,
              changed.changedAt(),
              ticket));
    }
    if (RESOLVED.equals(changed.to())) {
      ObjectNode resolved = ticket.deepCopy();
      text(resolved, "resolutionDate", changed.changedAt());
      notifications.add(
          new Notification(
              TroubleTicketEventType.RESOLVED,
              changed.ticketId(),
              "Trouble ticket " + number + " resolved",
              changed.changedAt(),
              resolved));
    }
    if (WAITING_CUSTOMER.equals(changed.to())) {
      // statusChangeReason is what the desk needs, in the words the customer reads.
      notifications.add(
          new Notification(
              TroubleTicketEventType.INFORMATION_REQUIRED,
              changed.ticketId(),
              "Trouble ticket " + number + " needs information",
              changed.changedAt(),
              ticket.deepCopy()));
    }
    return notifications;
  }

  private Notification reclassified(TicketReclassified reclassified) {
    ObjectNode ticket = ticket(reclassified.ticketId());
    text(ticket, "priority", Tmf621.priority(reclassified.priority()));
    text(ticket, "severity", Tmf621.severity(reclassified.priority()));
    text(ticket, "expectedResolutionDate", reclassified.resolveBy());
    text(ticket, "externalId", reclassified.externalId());
    ticket.put("@type", TROUBLE_TICKET);
    return new Notification(
        TroubleTicketEventType.ATTRIBUTE_VALUE_CHANGE,
        reclassified.ticketId(),
        "Trouble ticket "
            + number(reclassified.ticketNumber(), reclassified.ticketId())
            + " reclassified",
        reclassified.reclassifiedAt(),
        ticket);
  }

  private ObjectNode ticket(String ticketId) {
    return json.createObjectNode().put("id", ticketId).put("href", Tmf621.href(ticketId));
  }

  private ObjectNode party(String id, String role, String referredType) {
    return json.createObjectNode()
        .put("id", id)
        .put("role", role)
        .put("@referredType", referredType);
  }

  /** Sets a text field, as ISO-8601 for a time; leaves it out when there is no value. */
  static void text(ObjectNode node, String field, Object value) {
    if (value != null) {
      node.put(field, value.toString());
    }
  }

  /** The number the customer quotes; events from before it existed have only the id. */
  private static String number(String ticketNumber, String ticketId) {
    return ticketNumber != null ? ticketNumber : ticketId;
  }
}
