package io.crossdesk.analytics.kpi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The open tickets now: how many per group, by age (under a day, 1 to 5 days, 5 to 10, over 10),
 * and the ones nearest their resolution deadline.
 */
public final class Backlog {

  private Backlog() {}

  /** The open tickets of one group by age, and when the oldest was opened. */
  public record Ages(
      long open,
      long underOneDay,
      long oneToFiveDays,
      long fiveToTenDays,
      long overTenDays,
      Instant oldestOpenedAt) {

    public static final Ages NONE = new Ages(0, 0, 0, 0, 0, null);

    Ages with(Instant openedAt, Instant now) {
      Duration age = Duration.between(openedAt, now);
      long days = age.toDays();
      return new Ages(
          open + 1,
          underOneDay + (days < 1 ? 1 : 0),
          oneToFiveDays + (days >= 1 && days < 5 ? 1 : 0),
          fiveToTenDays + (days >= 5 && days < 10 ? 1 : 0),
          overTenDays + (days >= 10 ? 1 : 0),
          oldestOpenedAt == null || openedAt.isBefore(oldestOpenedAt) ? openedAt : oldestOpenedAt);
    }

    public Ages plus(Ages other) {
      return new Ages(
          open + other.open,
          underOneDay + other.underOneDay,
          oneToFiveDays + other.oneToFiveDays,
          fiveToTenDays + other.fiveToTenDays,
          overTenDays + other.overTenDays,
          oldestOpenedAt == null
                  || (other.oldestOpenedAt != null && other.oldestOpenedAt.isBefore(oldestOpenedAt))
              ? other.oldestOpenedAt
              : oldestOpenedAt);
    }
  }

  /** The backlog of some open tickets at {@code now}, per dimension and group. */
  public static Map<Dimension, Map<String, Ages>> of(Iterable<OpenTicket> open, Instant now) {
    Map<Dimension, Map<String, Ages>> backlog = new EnumMap<>(Dimension.class);
    for (OpenTicket ticket : open) {
      for (Dimension dimension : Dimension.values()) {
        backlog
            .computeIfAbsent(dimension, d -> new TreeMap<>())
            .merge(
                ticket.group(dimension),
                Ages.NONE.with(ticket.openedAt(), now),
                (had, one) -> had.with(ticket.openedAt(), now));
      }
    }
    return backlog;
  }

  /** The {@code limit} open tickets whose resolution is due first. */
  public static List<OpenTicket> nearestDeadlines(Iterable<OpenTicket> open, int limit) {
    List<OpenTicket> due = new ArrayList<>();
    for (OpenTicket ticket : open) {
      if (ticket.resolveBy() != null) {
        due.add(ticket);
      }
    }
    due.sort(Comparator.comparing(OpenTicket::resolveBy));
    return List.copyOf(due.subList(0, Math.min(limit, due.size())));
  }
}
