package io.crossdesk.ticket.tmf621.web;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.lifecycle.domain.Category;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import io.crossdesk.ticket.tmf621.application.TmfException;
import io.crossdesk.ticket.tmf621.application.TroubleTicketDraft;
import io.crossdesk.ticket.tmf621.application.TroubleTicketDraft.NewNote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads TroubleTicket_Create and the members of a merge patch, refusing what Crossdesk cannot take
 * with a 400 that names the attribute. How each attribute maps is in docs/tmf621.md.
 */
final class TroubleTicketRequests {

  static final int EXTERNAL_ID_MAX = 100;
  static final int NOTE_MAX = 5000;

  private TroubleTicketRequests() {}

  static TroubleTicketDraft create(JsonNode body) {
    requireObject(body);
    String description = text(body, "description", true, TicketDraft.DESCRIPTION_MAX);
    String severity = text(body, "severity", true, 40);
    String ticketType = text(body, "ticketType", true, 40);
    String name = text(body, "name", false, TicketDraft.TITLE_MAX);
    String externalId = text(body, "externalId", false, EXTERNAL_ID_MAX);
    Priority priority = priority(body, severity);
    String customerId = customerOf(body.get("relatedParty"));
    TicketDraft draft =
        new TicketDraft(
            customerId,
            channelOf(body.get("channel")),
            category(ticketType),
            null,
            priority,
            name != null ? name : titleFrom(description),
            description,
            null);
    return new TroubleTicketDraft(draft, externalId, notes(body.get("note")));
  }

  /** The Crossdesk priority of a body's priority, or else its severity (null: neither given). */
  static Priority priority(JsonNode body, String severity) {
    String priority = text(body, "priority", false, 40);
    if (priority != null) {
      String named = Tmf621.priorityNamed(priority);
      if (named == null) {
        throw TmfException.badRequest("priority", "must be one of " + Tmf621.priorities());
      }
      return Priority.valueOf(named);
    }
    if (severity == null) {
      return null;
    }
    String ofSeverity = Tmf621.priorityOfSeverity(severity);
    if (ofSeverity == null) {
      throw TmfException.badRequest("severity", "must be one of " + Tmf621.severities());
    }
    return Priority.valueOf(ofSeverity);
  }

  /** The notes of a body's {@code note} list that have no id yet: the ones to add. */
  static List<NewNote> notes(JsonNode notes) {
    if (notes == null || notes.isNull()) {
      return List.of();
    }
    if (!notes.isArray()) {
      throw TmfException.badRequest("note", "must be a list of Note");
    }
    List<NewNote> added = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      JsonNode note = notes.get(i);
      requireObject(note, "note[" + i + "]");
      if (note.hasNonNull("id")) {
        continue;
      }
      String text = text(note, "text", false, NOTE_MAX);
      if (text == null) {
        throw TmfException.badRequest("note[" + i + "].text", "must not be blank");
      }
      String type = note.path("@type").asString("");
      if (!type.isEmpty()
          && !type.equals(TroubleTicketJson.NOTE)
          && !type.equals(TroubleTicketJson.INTERNAL_NOTE)) {
        throw TmfException.badRequest(
            "note[" + i + "].@type",
            "must be " + TroubleTicketJson.NOTE + " or " + TroubleTicketJson.INTERNAL_NOTE);
      }
      added.add(new NewNote(text, type.equals(TroubleTicketJson.INTERNAL_NOTE)));
    }
    return added;
  }

  static void requireObject(JsonNode body) {
    requireObject(body, "body");
  }

  /** The text of {@code field}, stripped; null when absent and not required. */
  static String text(JsonNode body, String field, boolean required, int max) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw TmfException.badRequest(field, "is mandatory");
      }
      return null;
    }
    if (!value.isString()) {
      throw TmfException.badRequest(field, "must be a string");
    }
    String text = value.asString().strip();
    if (text.isEmpty()) {
      if (required) {
        throw TmfException.badRequest(field, "must not be blank");
      }
      return null;
    }
    if (text.length() > max) {
      throw TmfException.badRequest(field, "must be at most " + max + " characters");
    }
    return text;
  }

  /** A ticketType names a category of the catalogue: its code, in any case. */
  static String category(String ticketType) {
    String code = ticketType.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (!code.matches(Category.CODE_PATTERN)) {
      throw TmfException.badRequest(
          "ticketType", "must name a ticket category, such as NETWORK or BILLING");
    }
    return code;
  }

  private static void requireObject(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw TmfException.badRequest(field, "must be a JSON object");
    }
  }

  private static String customerOf(JsonNode parties) {
    if (parties != null && !parties.isNull() && !parties.isArray()) {
      throw TmfException.badRequest("relatedParty", "must be a list of RelatedParty");
    }
    if (parties != null) {
      for (JsonNode party : parties) {
        boolean customer =
            party.path("role").asString("").equalsIgnoreCase("customer")
                || party.path("@referredType").asString("").equalsIgnoreCase("Customer");
        if (customer) {
          String id = party.path("id").asString("").strip();
          if (id.isEmpty() || id.length() > 100) {
            throw TmfException.badRequest(
                "relatedParty.id", "must name the customer in 1-100 characters");
          }
          return id;
        }
      }
    }
    throw TmfException.badRequest(
        "relatedParty", "must name the customer: an entry with role \"customer\" and its id");
  }

  /** A channel whose id or name is one of Crossdesk's channels; otherwise SYSTEM. */
  private static Channel channelOf(JsonNode channel) {
    if (channel == null || channel.isNull()) {
      return Channel.SYSTEM;
    }
    if (!channel.isObject()) {
      throw TmfException.badRequest("channel", "must be a ChannelRef");
    }
    for (String field : List.of("id", "name")) {
      String value = channel.path(field).asString("").strip().toUpperCase(Locale.ROOT);
      boolean known = Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(value));
      if (known) {
        return Channel.valueOf(value);
      }
    }
    return Channel.SYSTEM;
  }

  /** The description's first line, shortened to a title. */
  private static String titleFrom(String description) {
    String line = description.lines().findFirst().orElse(description).strip();
    return line.length() <= 80 ? line : line.substring(0, 79) + "…";
  }
}
