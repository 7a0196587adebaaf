package io.crossdesk.customer.overview;

import io.crossdesk.customer.overview.domain.Activity;
import io.crossdesk.customer.overview.domain.RecentContact;
import io.crossdesk.customer.overview.domain.TicketState;
import io.crossdesk.customer.profile.persistence.CustomerStore;
import io.crossdesk.customer.profile.web.CustomerView;
import io.crossdesk.platform.web.NotFoundException;
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

  private final CustomerStore customers;
  private final CustomerActivities activities;
  private final Clock clock;

  OverviewController(CustomerStore customers, CustomerActivities activities, Clock clock) {
    this.customers = customers;
    this.activities = activities;
    this.clock = clock;
  }

  @GetMapping("/api/customers/{id}/overview")
  @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
  @Operation(
      summary = "The customer at a glance",
      description =
          "Profile, open tickets, the newest contacts, complaints opened in the last 90 days,"
              + " average satisfaction (null before the first survey) and risk flags. Two reads by"
              + " id.")
  Overview overview(@PathVariable String id) {
    CustomerView profile =
        customers
            .find(id)
            .map(CustomerView::of)
            .orElseThrow(() -> new NotFoundException("No customer with id " + id));
    Activity activity = activities.of(id);
    Instant now = clock.instant();
    return new Overview(
        profile,
        activity.openTickets(),
        activity.recentContacts(),
        activity.complaintsSince(now),
        activity.averageSatisfaction().isPresent()
            ? activity.averageSatisfaction().getAsDouble()
            : null,
        activity.riskFlags());
  }

  record Overview(
      CustomerView profile,
      List<TicketState> openTickets,
      List<RecentContact> recentContacts,
      long complaintsLast90Days,
      Double averageSatisfaction,
      List<String> riskFlags) {}
}
