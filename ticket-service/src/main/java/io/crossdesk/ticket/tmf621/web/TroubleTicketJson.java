package io.crossdesk.ticket.tmf621.web;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntry;
import io.crossdesk.ticket.lifecycle.domain.TimelineEntryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Crossdesk ticket as a TMF621 TroubleTicket, built from the ticket each time it is asked for:
 * the TMF view keeps no state of its own. The statusChange history is read from the ticket's
 * timeline; notes are its replies and, for callers who see them, its internal notes.
 */
final class TroubleTicketJson {

  static final String NOTE = "Note";

  /** A note only staff read: TMF's Note, extended. */
  static final String INTERNAL_NOTE = "InternalNote";

  /** The timeline entries that change the status, and the TMF status each leads to. */
  private static final Map<TimelineEntryType, String> STATUS_ENTRIES =
      Map.of(
          TimelineEntryType.OPENED, "acknowledged",
          TimelineEntryType.ROUTED, "inProgress",
          TimelineEntryType.WAITING_FOR_CUSTOMER, "pending",
          TimelineEntryType.RESUMED, "inProgress",
          TimelineEntryType.RESOLVED, "resolved",
          TimelineEntryType.REOPENED, "inProgress",
          TimelineEntryType.CONFIRMED, "closed",
          TimelineEntryType.CLOSED, "closed",
          TimelineEntryType.CANCELLED, "cancelled");

  /** Always shown, whatever {@code fields} asks for. */
  private static final Set<String> ALWAYS = Set.of("id", "href", "@type");

  private final JsonMapper json;
  private final TicketClocks clocks;

  TroubleTicketJson(JsonMapper json, TicketClocks clocks) {
    this.json = json;
    this.clocks = clocks;
  }

  /**
   * @param staff whether internal notes are shown
   * @param fields the attributes asked for, or null for all
   */
  ObjectNode of(Ticket ticket, boolean staff, Set<String> fields) {
    ObjectNode node = json.createObjectNode();
    node.put("id", ticket.id());
    node.put("href", Tmf621.href(ticket.id()));
    node.put("name", ticket.title());
    node.put("description", ticket.description());
    node.put("severity", Tmf621.severity(ticket.priority().name()));
    node.put("priority", Tmf621.priority(ticket.priority().name()));
    node.put("ticketType", ticket.category());
    String status = Tmf621.status(ticket.status().name());
    node.put("status", status);
    List<ObjectNode> changes = statusChanges(ticket, staff);
    if (!changes.isEmpty()) {
      ObjectNode last = changes.get(changes.size() - 1);
      node.set("statusChangeDate", last.get("changeDate"));
      if (last.has("changeReason")) {
        node.set("statusChangeReason", last.get("changeReason"));
      }
    }
    String externalId = ticket.origin().externalId();
    if (externalId != null && !externalId.equals(ticket.id())) {
      node.put("externalId", externalId);
    }
    ObjectNode channel = node.putObject("channel");
    channel.put("id", ticket.channel().name());
    channel.put("name", ticket.channel().name());
    channel.put("@referredType", "Channel");
    node.set("relatedParty", relatedParties(ticket));
    ArrayNode notes = notes(ticket, staff);
    if (!notes.isEmpty()) {
      node.set("note", notes);
    }
    if (ticket.workOrderId() != null) {
      ObjectNode workOrder = node.putArray("relatedEntity").addObject();
      workOrder.put("id", ticket.workOrderId());
      workOrder.put("href", "/api/workorders/" + ticket.workOrderId());
      workOrder.put("role", "workOrder");
      workOrder.put("@referredType", "WorkOrder");
    }
    if (ticket.mergedInto() != null) {
      ObjectNode merged = node.putArray("troubleTicketRelationship").addObject();
      merged.put("id", ticket.mergedInto());
      merged.put("href", Tmf621.href(ticket.mergedInto()));
      merged.put("relationshipType", "mergedInto");
    }
    node.put("creationDate", ticket.openedAt().toString());
    node.put("lastUpdate", ticket.timeline().get(ticket.timeline().size() - 1).at().toString());
    Instant resolveBy = ticket.status().isOpen() ? clocks.resolveBy(ticket) : null;
    if (resolveBy != null) {
      node.put("expectedResolutionDate", resolveBy.toString());
    }
    if (ticket.resolution() != null && !ticket.status().isOpen()) {
      node.put("resolutionDate", ticket.resolution().resolvedAt().toString());
    }
    ArrayNode history = node.putArray("statusChange");
    changes.forEach(history::add);
    node.put("@type", "TroubleTicket");
    node.put("@baseType", "TroubleTicket");
    node.put("@schemaLocation", Tmf621.SCHEMA_LOCATION);
    return fields == null ? node : projected(node, fields);
  }

  /** The attributes {@code fields} names, and those every answer carries, in the usual order. */
  private ObjectNode projected(ObjectNode whole, Set<String> fields) {
    ObjectNode projected = json.createObjectNode();
    for (String name : whole.propertyNames()) {
      if (ALWAYS.contains(name) || fields.contains(name)) {
        projected.set(name, whole.get(name));
      }
    }
    return projected;
  }

  private ArrayNode relatedParties(Ticket ticket) {
    ArrayNode parties = json.createArrayNode();
    ObjectNode customer = parties.addObject();
    customer.put("id", ticket.customerId());
    customer.put("href", "/api/customers/" + ticket.customerId());
    customer.put("role", "customer");
    customer.put("@referredType", "Customer");
    ObjectNode owner = parties.addObject();
    owner.put("id", ticket.owner());
    owner.put("role", "owner");
    owner.put("@referredType", Tmf621.ownerType(ticket.owner()));
    if (ticket.department() != null) {
      ObjectNode department = parties.addObject();
      department.put("id", ticket.department());
      department.put("role", "department");
      department.put("@referredType", "Organization");
    }
    return parties;
  }

  private ArrayNode notes(Ticket ticket, boolean staff) {
    ArrayNode notes = json.createArrayNode();
    List<TimelineEntry> timeline = ticket.timeline();
    for (int i = 0; i < timeline.size(); i++) {
      TimelineEntry entry = timeline.get(i);
      boolean reply = entry.type() == TimelineEntryType.REPLY;
      boolean internal = entry.type() == TimelineEntryType.NOTE;
      if (reply || (internal && staff)) {
        ObjectNode note = notes.addObject();
        note.put("id", String.valueOf(i + 1));
        if (entry.actor() != null) {
          note.put("author", entry.actor());
        }
        note.put("date", entry.at().toString());
        note.put("text", entry.text());
        note.put("@type", internal ? INTERNAL_NOTE : NOTE);
      }
    }
    return notes;
  }

  /**
   * Whether an entry of this type moved the status on from {@code previous}. Routing moves a ticket
   * on only while it waits for its first department (a later step, such as the call-back after a
   * resolution, leaves its status alone), and resuming only when it was pending.
   */
  private static boolean movesStatus(TimelineEntryType type, String previous) {
    return switch (type) {
      case ROUTED -> "acknowledged".equals(previous);
      case RESUMED -> "pending".equals(previous);
      default -> true;
    };
  }

  /** One entry per change of TMF status, oldest first, from the timeline. */
  private List<ObjectNode> statusChanges(Ticket ticket, boolean staff) {
    List<ObjectNode> changes = new java.util.ArrayList<>();
    String previous = null;
    for (TimelineEntry entry : ticket.timeline()) {
      String status = STATUS_ENTRIES.get(entry.type());
      if (status == null || status.equals(previous) || !movesStatus(entry.type(), previous)) {
        continue;
      }
      previous = status;
      ObjectNode change = json.createObjectNode();
      change.put("status", status);
      change.put("changeDate", entry.at().toString());
      if (entry.text() != null && (staff || entry.isPublic())) {
        change.put("changeReason", entry.text());
      }
      change.put("@type", "StatusChange");
      changes.add(change);
    }
    return changes;
  }
}
