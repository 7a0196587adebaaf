package io.crossdesk.customer.overview.web;

import io.crossdesk.customer.history.persistence.ContactHistory;
import io.crossdesk.customer.overview.domain.ActivityCounts;
import io.crossdesk.customer.overview.domain.RecentContact;
import io.crossdesk.customer.overview.domain.TicketState;
import io.crossdesk.customer.overview.persistence.CustomerActivities;
import io.crossdesk.customer.overview.persistence.CustomerTickets;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.customer.profile.web.CustomerView;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OverviewController {

  static final int RECENT_CONTACTS = 10;

  private final CustomerStore customers;
  private final CustomerActivities activities;
  private final CustomerTickets tickets;
  private final ContactHistory contacts;
  private final Clock clock;

  OverviewController(
      CustomerStore customers,
      CustomerActivities activities,
      CustomerTickets tickets,
      ContactHistory contacts,
      Clock clock) {
    this.customers = customers;
    this.activities = activities;
    this.tickets = tickets;
    this.contacts = contacts;
    this.clock = clock;
  }

  @GetMapping("/api/customers/{id}/overview")
  @PreAuthorize(Can.MANAGE_CUSTOMERS)
  @Operation(
      summary = "The customer at a glance",
      description =
          "Profile, open tickets (the newest 100), the ten newest contacts, complaints opened in"
              + " the last 90 days (whole UTC days), average satisfaction (null before the first"
              + " survey) and risk flags. Two reads by id, one list of the customer's open tickets"
              + " and one page of their contacts.")
  Overview overview(@PathVariable String id) {
    CustomerView profile =
        customers
            .find(id)
            .map(CustomerView::of)
            .orElseThrow(() -> new NotFoundException("No customer with id " + id));
    ActivityCounts counts = activities.of(id);
    Instant now = clock.instant();
    List<RecentContact> recent =
        contacts.page(id, null, null, null, RECENT_CONTACTS).stream()
            .map(
                c ->
                    new RecentContact(
                        c.id(),
                        c.channel().name(),
                        c.kind().name(),
                        c.at(),
                        c.summary(),
                        c.ticketId()))
            .toList();
    return new Overview(
        profile,
        tickets.openOf(id),
        recent,
        counts.complaintsSince(now),
        counts.averageSatisfaction().isPresent()
            ? counts.averageSatisfaction().getAsDouble()
            : null,
        counts.riskFlagsAt(now));
  }

  record Overview(
      CustomerView profile,
      List<TicketState> openTickets,
      List<RecentContact> recentContacts,
      long complaintsLast90Days,
      Double averageSatisfaction,
      List<String> riskFlags) {}
}
