package io.crossdesk.ticket.tmf621.web;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import io.crossdesk.ticket.tmf621.application.TmfException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;

/**
 * A list request's query: attribute filters as TMF630 writes them ({@code status=inProgress},
 * {@code status=acknowledged,inProgress} for either, {@code creationDate.gte=...}), the {@code
 * fields} projection, and {@code offset} and {@code limit}. An attribute the list cannot filter on
 * is refused rather than ignored, so a caller never mistakes a whole list for a filtered one.
 */
record TroubleTicketQuery(TicketFilter filter, Set<String> fields, int offset, int limit) {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  static final List<String> FILTERS =
      List.of(
          "status",
          "severity",
          "priority",
          "ticketType",
          "externalId",
          "channel.id",
          "channel.name",
          "relatedParty.id",
          "creationDate.gt",
          "creationDate.gte",
          "creationDate.lt",
          "creationDate.lte");

  static TroubleTicketQuery of(MultiValueMap<String, String> params) {
    String customerId = null;
    String externalId = null;
    Set<TicketStatus> statuses = null;
    Priority priority = null;
    String category = null;
    Channel channel = null;
    Instant from = null;
    Instant before = null;
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      String value = param.getValue().get(param.getValue().size() - 1).strip();
      switch (name) {
        case "fields", "offset", "limit" -> {}
        case "status" -> statuses = statuses(value);
        case "severity" -> priority = priority(name, Tmf621.priorityOfSeverity(value));
        case "priority" -> priority = priority(name, Tmf621.priorityNamed(value));
        case "ticketType" -> category = TroubleTicketRequests.category(value);
        case "externalId" -> externalId = value;
        case "channel.id", "channel.name" -> channel = channel(name, value);
        case "relatedParty.id" -> customerId = value;
        case "creationDate.gt" -> from = instant(name, value).plusMillis(1);
        case "creationDate.gte" -> from = instant(name, value);
        case "creationDate.lt" -> before = instant(name, value);
        case "creationDate.lte" -> before = instant(name, value).plusMillis(1);
        default ->
            throw TmfException.badRequest(
                name, "is not a filter of this list; it filters on " + String.join(", ", FILTERS));
      }
    }
    TicketFilter filter =
        new TicketFilter(
            customerId,
            null,
            externalId,
            null,
            null,
            null,
            null,
            channel,
            null,
            category,
            null,
            priority,
            from,
            before,
            statuses);
    return new TroubleTicketQuery(
        filter,
        fields(params.getFirst("fields")),
        number(params.getFirst("offset"), "offset", 0, 0, Integer.MAX_VALUE),
        number(params.getFirst("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
  }

  /** The attributes {@code fields} names, or null when it is absent (every attribute). */
  static Set<String> fields(String fields) {
    if (fields == null || fields.isBlank()) {
      return null;
    }
    Set<String> named = new LinkedHashSet<>();
    for (String field : fields.split(",")) {
      if (!field.isBlank()) {
        named.add(field.strip());
      }
    }
    return named;
  }

  /** The Crossdesk statuses that read as any of the TMF statuses listed. */
  private static Set<TicketStatus> statuses(String value) {
    Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
    for (String wanted : value.split(",")) {
      boolean known = false;
      for (TicketStatus status : TicketStatus.values()) {
        if (Tmf621.status(status.name()).equals(wanted.strip())) {
          statuses.add(status);
          known = true;
        }
      }
      if (!known && !KNOWN_BUT_UNUSED.contains(wanted.strip())) {
        throw TmfException.badRequest(
            "status", "must be one of " + String.join(", ", tmfStatuses()));
      }
    }
    return statuses;
  }

  /** Whether {@code value} is a TroubleTicketStatusType. */
  static boolean isStatus(String value) {
    return tmfStatuses().contains(value);
  }

  /** TroubleTicketStatusType values no Crossdesk ticket has: filtering on them finds nothing. */
  private static final Set<String> KNOWN_BUT_UNUSED = Set.of("rejected", "held");

  private static Set<String> tmfStatuses() {
    Set<String> all = new TreeSet<>(KNOWN_BUT_UNUSED);
    Arrays.stream(TicketStatus.values()).forEach(s -> all.add(Tmf621.status(s.name())));
    return all;
  }

  private static Priority priority(String name, String crossdesk) {
    if (crossdesk == null) {
      throw TmfException.badRequest(
          name,
          "must be one of "
              + (name.equals("severity") ? Tmf621.severities() : Tmf621.priorities()));
    }
    return Priority.valueOf(crossdesk);
  }

  private static Channel channel(String name, String value) {
    try {
      return Channel.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw TmfException.badRequest(
          name, "must be one of " + Arrays.toString(Channel.values()).replaceAll("[\\[\\]]", ""));
    }
  }

  private static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException unreadable) {
      throw TmfException.badRequest(name, "must be a date-time such as 2026-12-01T08:00:00Z");
    }
  }

  private static int number(String value, String name, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw TmfException.badRequest(name, "must be between " + min + " and " + max);
      }
      return number;
    } catch (NumberFormatException notANumber) {
      throw TmfException.badRequest(name, "must be a whole number");
    }
  }
}
