package io.crossdesk.customer.overview.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the desk sees at a glance of a customer's tickets: the open ones, the complaints of the last
 * 90 days, the average satisfaction, the newest contacts and the risk flags (filled by analytics).
 * Exact under redelivery: each ticket keeps the time of the last event applied to it and takes only
 * newer ones, a survey is kept per ticket and round, a contact per id. Closed tickets are kept for
 * {@link #KEPT_AFTER_CLOSING} after their last event, long enough for the complaint count and to
 * ignore a late redelivery, then dropped.
 */
public final class Activity {

  public static final Duration COMPLAINT_WINDOW = Duration.ofDays(90);
  public static final Duration KEPT_AFTER_CLOSING = Duration.ofDays(90);
  public static final int RECENT_CONTACTS = 10;

  private final Map<String, TicketState> tickets;
  private final Map<String, Integer> surveys;
  private final List<RecentContact> recentContacts;
  private final List<String> riskFlags;

  public Activity(
      Map<String, TicketState> tickets,
      Map<String, Integer> surveys,
      List<RecentContact> recentContacts,
      List<String> riskFlags) {
    this.tickets = tickets == null ? new HashMap<>() : new HashMap<>(tickets);
    this.surveys = surveys == null ? new HashMap<>() : new HashMap<>(surveys);
    this.recentContacts =
        recentContacts == null ? new ArrayList<>() : new ArrayList<>(recentContacts);
    this.riskFlags = riskFlags == null ? new ArrayList<>() : new ArrayList<>(riskFlags);
  }

  public static Activity none() {
    return new Activity(null, null, null, null);
  }

  public void opened(String ticketId, String number, String type, String title, Instant openedAt) {
    TicketState known = tickets.get(ticketId);
    if (known == null) {
      tickets.put(
          ticketId,
          new TicketState(ticketId, number, type, title, TicketState.OPEN, openedAt, openedAt));
    } else if (known.openedAt() == null) {
      // a later event came first (a replay): fill in what only the opening tells
      tickets.put(
          ticketId,
          new TicketState(
              ticketId, number, type, title, known.status(), openedAt, known.lastEventAt()));
    }
  }

  public void moved(String ticketId, String status, Instant at) {
    TicketState known = tickets.get(ticketId);
    if (known == null) {
      tickets.put(ticketId, new TicketState(ticketId, null, null, null, status, null, at));
    } else if (known.lastEventAt() == null || !at.isBefore(known.lastEventAt())) {
      tickets.put(
          ticketId,
          new TicketState(
              ticketId, known.number(), known.type(), known.title(), status, known.openedAt(), at));
    }
  }

  public void surveyed(String ticketId, int round, int score) {
    surveys.put(ticketId + "_" + round, score);
  }

  public void contacted(RecentContact contact) {
    if (recentContacts.stream().anyMatch(known -> known.id().equals(contact.id()))) {
      return;
    }
    recentContacts.add(contact);
    recentContacts.sort(Comparator.comparing(RecentContact::id));
    while (recentContacts.size() > RECENT_CONTACTS) {
      recentContacts.remove(recentContacts.size() - 1);
    }
  }

  /** Drops closed tickets whose last event is older than {@link #KEPT_AFTER_CLOSING}. */
  public void forgetOldTickets(Instant now) {
    tickets
        .values()
        .removeIf(
            ticket ->
                !ticket.isOpen()
                    && ticket.lastEventAt() != null
                    && ticket.lastEventAt().plus(KEPT_AFTER_CLOSING).isBefore(now));
  }

  public List<TicketState> openTickets() {
    return tickets.values().stream()
        .filter(TicketState::isOpen)
        .sorted(
            Comparator.comparing(
                TicketState::openedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  public long complaintsSince(Instant now) {
    Instant from = now.minus(COMPLAINT_WINDOW);
    return tickets.values().stream()
        .filter(TicketState::isComplaint)
        .filter(ticket -> ticket.openedAt() != null && !ticket.openedAt().isBefore(from))
        .count();
  }

  public OptionalDouble averageSatisfaction() {
    return surveys.values().stream().mapToInt(Integer::intValue).average();
  }

  public Map<String, TicketState> tickets() {
    return Map.copyOf(tickets);
  }

  public Map<String, Integer> surveys() {
    return Map.copyOf(surveys);
  }

  public List<RecentContact> recentContacts() {
    return List.copyOf(recentContacts);
  }

  public List<String> riskFlags() {
    return List.copyOf(riskFlags);
  }
}
