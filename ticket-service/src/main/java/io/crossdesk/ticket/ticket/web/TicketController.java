package io.crossdesk.ticket.ticket.web;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.ticket.customer.CustomerDirectory;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.ticket.TicketAccess;
import io.crossdesk.ticket.ticket.TicketLookup;
import io.crossdesk.ticket.ticket.TicketOpening;
import io.crossdesk.ticket.ticket.domain.Origin;
import io.crossdesk.ticket.ticket.domain.Ticket;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

  private static final String READERS =
      "hasAnyRole('CUSTOMER','AGENT','SUPERVISOR','ADMIN','SYSTEM','DEPARTMENT')";

  private final CustomerDirectory customers;
  private final TicketOpening opening;
  private final TicketLookup lookup;

  TicketController(CustomerDirectory customers, TicketOpening opening, TicketLookup lookup) {
    this.customers = customers;
    this.opening = opening;
    this.lookup = lookup;
  }

  /** Desk staff open tickets for any customer; a customer only for themself. */
  @PostMapping
  @PreAuthorize("hasAnyRole('AGENT','SUPERVISOR','CUSTOMER')")
  ResponseEntity<TicketView> open(
      @Valid @RequestBody OpenTicketRequest request, @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    TicketAccess.checkMayOpenFor(caller, request.customerId());
    KnownCustomer customer = customers.forRequest(request.customerId(), jwt.getTokenValue());
    Ticket ticket = opening.open(request.toDraft(), customer, Origin.person(caller.subject()));
    return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
        .body(TicketView.of(ticket));
  }

  /** A ticket the caller may not see is "not found", so its existence is not revealed. */
  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  TicketView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    return TicketView.of(lookup.find(TicketAccess.of(Caller.of(jwt)), id));
  }

  /** Newest first, at most 100; department staff and customers see only theirs. */
  @GetMapping
  @PreAuthorize(READERS)
  List<TicketView> list(
      @Valid @ModelAttribute TicketSearchParams params, @AuthenticationPrincipal Jwt jwt) {
    return lookup.search(TicketAccess.of(Caller.of(jwt)), params.toFilter()).stream()
        .map(TicketView::of)
        .toList();
  }
}
