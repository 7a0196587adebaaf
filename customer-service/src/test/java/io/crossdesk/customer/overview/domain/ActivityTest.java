package io.crossdesk.customer.overview.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ActivityTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void a_ticket_is_open_until_closed_and_an_older_event_delivered_late_changes_nothing() {
    Activity activity = Activity.none();
    activity.opened("T-1", "CD-1", "FAULT", "Line down", NOW);
    activity.moved("T-1", TicketState.RESOLVED, NOW.plusSeconds(60));
    activity.moved("T-1", TicketState.CLOSED, NOW.plusSeconds(120));
    assertThat(activity.openTickets()).isEmpty();

    activity.moved("T-1", TicketState.RESOLVED, NOW.plusSeconds(60));
    activity.opened("T-1", "CD-1", "FAULT", "Line down", NOW);

    assertThat(activity.openTickets()).isEmpty();
  }

  @Test
  void a_reopened_ticket_is_open_again() {
    Activity activity = Activity.none();
    activity.opened("T-1", "CD-1", "COMPLAINT", "Overcharged", NOW);
    activity.moved("T-1", TicketState.RESOLVED, NOW.plusSeconds(60));
    activity.moved("T-1", TicketState.OPEN, NOW.plusSeconds(120));

    assertThat(activity.openTickets()).extracting(TicketState::status).containsExactly("OPEN");
  }

  @Test
  void counts_complaints_opened_in_the_last_90_days_closed_or_not() {
    Activity activity = Activity.none();
    activity.opened("T-old", null, "COMPLAINT", "a", NOW.minus(Duration.ofDays(91)));
    activity.opened("T-new", null, "COMPLAINT", "b", NOW.minus(Duration.ofDays(10)));
    activity.moved("T-new", TicketState.CLOSED, NOW.minus(Duration.ofDays(9)));
    activity.opened("T-fault", null, "FAULT", "c", NOW);

    assertThat(activity.complaintsSince(NOW)).isEqualTo(1);
  }

  @Test
  void forgets_closed_tickets_only_long_after_the_complaint_window() {
    Activity activity = Activity.none();
    activity.opened("T-1", null, "COMPLAINT", "a", NOW.minus(Duration.ofDays(200)));
    activity.moved("T-1", TicketState.CLOSED, NOW.minus(Duration.ofDays(100)));
    activity.opened("T-2", null, "COMPLAINT", "b", NOW.minus(Duration.ofDays(80)));
    activity.moved("T-2", TicketState.CLOSED, NOW.minus(Duration.ofDays(79)));

    activity.forgetOldTickets(NOW);

    assertThat(activity.tickets()).containsOnlyKeys("T-2");
  }

  @Test
  void averages_one_score_per_ticket_and_round_however_often_it_arrives() {
    Activity activity = Activity.none();
    assertThat(activity.averageSatisfaction()).isEmpty();
    activity.surveyed("T-1", 1, 2);
    activity.surveyed("T-1", 1, 2);
    activity.surveyed("T-2", 1, 5);

    assertThat(activity.averageSatisfaction()).hasValue(3.5);
  }

  @Test
  void keeps_the_ten_newest_contacts_once_each() {
    Activity activity = Activity.none();
    for (int i = 0; i < 12; i++) {
      RecentContact contact =
          new RecentContact(String.format("c|%03d", 100 - i), "SMS", "MESSAGE", NOW, "", null);
      activity.contacted(contact);
      activity.contacted(contact);
    }

    assertThat(activity.recentContacts()).hasSize(10);
    assertThat(activity.recentContacts().get(0).id()).isEqualTo("c|089");
  }
}
