package io.crossdesk.notification.tmf621.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which notifications a TMF621 listener takes, from the {@code query} it registered with. TMF
 * leaves the query's syntax to each API; Crossdesk follows the common one for notifications: none
 * (every type it sends), or {@code eventType=<type>[,<type>...]} with TMF's names. Anything else is
 * refused rather than ignored, so that a listener never receives more than it asked for without
 * being told.
 */
public record ListenerQuery(Set<TroubleTicketEventType> types) {

  private static final String EVENT_TYPE = "eventType=";

  public ListenerQuery {
    types = Collections.unmodifiableSet(EnumSet.copyOf(types));
  }

  /**
   * The query {@code text} means; null or blank takes every type.
   *
   * @throws InvalidListenerQueryException saying what is wrong with it
   */
  public static ListenerQuery parse(String text) {
    if (text == null || text.isBlank()) {
      return new ListenerQuery(EnumSet.allOf(TroubleTicketEventType.class));
    }
    String query = text.strip();
    if (query.contains("&")) {
      throw refused("must be one clause, " + EVENT_TYPE + "<type>[,<type>...], not several");
    }
    if (!query.startsWith(EVENT_TYPE)) {
      throw refused("must be " + EVENT_TYPE + "<type>[,<type>...]");
    }
    Set<TroubleTicketEventType> types = EnumSet.noneOf(TroubleTicketEventType.class);
    for (String name : query.substring(EVENT_TYPE.length()).split(",", -1)) {
      String wanted = name.strip();
      if (wanted.equals(TroubleTicketEventType.DELETE)) {
        throw new InvalidListenerQueryException(
            TroubleTicketEventType.DELETE
                + " is never sent: tickets are closed or cancelled, not deleted");
      }
      TroubleTicketEventType type = TroubleTicketEventType.named(wanted);
      if (type == null) {
        throw refused(
            wanted.isEmpty()
                ? "names an empty event type"
                : "names " + wanted + ", which is not an event type Crossdesk sends");
      }
      types.add(type);
    }
    return new ListenerQuery(types);
  }

  /** Whether it takes the notification TMF calls {@code tmfName}. */
  public boolean takes(String tmfName) {
    TroubleTicketEventType type = TroubleTicketEventType.named(tmfName);
    return type != null && types.contains(type);
  }

  /** The Crossdesk event types its notifications are made from. */
  public Set<String> crossdeskTypes() {
    return types.stream().map(TroubleTicketEventType::madeFrom).collect(Collectors.toSet());
  }

  private static InvalidListenerQueryException refused(String why) {
    return new InvalidListenerQueryException(
        why
            + "; the types are "
            + Arrays.stream(TroubleTicketEventType.values())
                .map(TroubleTicketEventType::tmfName)
                .collect(Collectors.toCollection(TreeSet::new)));
  }
}
