package io.crossdesk.ticket.lifecycle.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a ticket's history. Public entries are written for the customer; internal ones only
 * staff see.
 *
 * @param actor who caused it: a person's subject, a department or a system's name
 * @param ref what caused it, when that may arrive twice (an event id, a merged ticket's id), so
 *     that it is recorded once; or null
 * @param fromTicket the ticket number the entry was first written on, for entries a merge brought
 *     over; or null
 */
public record TimelineEntry(
    Instant at,
    TimelineEntryType type,
    Visibility visibility,
    String text,
    String actor,
    String ref,
    String fromTicket) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    visibility = visibility == null ? type.visibility() : visibility;
  }

  public static TimelineEntry of(Instant at, TimelineEntryType type, String text, String actor) {
    return new TimelineEntry(at, type, type.visibility(), text, actor, null, null);
  }

  public TimelineEntry because(String cause) {
    return new TimelineEntry(at, type, visibility, text, actor, cause, fromTicket);
  }

  public TimelineEntry as(Visibility shownTo) {
    return new TimelineEntry(at, type, shownTo, text, actor, ref, fromTicket);
  }

  public TimelineEntry broughtFrom(String ticketNumber) {
    return new TimelineEntry(
        at, type, visibility, text, actor, ref, fromTicket == null ? ticketNumber : fromTicket);
  }

  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }
}
