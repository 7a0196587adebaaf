package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.security.Role;
import io.crossdesk.ticket.customer.application.CustomerDirectory;
import io.crossdesk.ticket.customer.domain.KnownCustomer;
import io.crossdesk.ticket.lifecycle.application.TicketAccess;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.application.TicketLookup;
import io.crossdesk.ticket.lifecycle.application.TicketOpening;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketPage;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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

  private final CustomerDirectory customers;
  private final TicketOpening opening;
  private final TicketLookup lookup;
  private final TicketClocks clocks;

  TicketController(
      CustomerDirectory customers,
      TicketOpening opening,
      TicketLookup lookup,
      TicketClocks clocks) {
    this.customers = customers;
    this.opening = opening;
    this.lookup = lookup;
    this.clocks = clocks;
  }

  /**
   * Desk staff open tickets for any customer and own what they receive; a customer opens only for
   * themself, and the service-center desk owns what comes in by self-service.
   */
  @PostMapping
  @PreAuthorize(Can.OPEN_TICKETS)
  ResponseEntity<TicketView> open(
      @Valid @RequestBody OpenTicketRequest request, @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    TicketAccess.checkMayOpenFor(caller, request.customerId());
    boolean desk = caller.has(Role.AGENT) || caller.has(Role.SUPERVISOR);
    if (!desk && request.firstContactResolution() != null) {
      throw new AccessDeniedException("only an agent resolves a ticket while opening it");
    }
    KnownCustomer customer = customers.forRequest(request.customerId(), jwt.getTokenValue());
    Ticket ticket =
        opening.open(
            request.toDraft(),
            customer,
            Origin.person(caller.subject()),
            desk ? caller.subject() : Ticket.SERVICE_CENTER_DESK,
            request.firstContactResolution());
    return ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
        .body(TicketView.of(ticket, clocks, desk));
  }

  /**
   * By id or by number (CD-20261201-000123). A ticket the caller may not see is "not found", so its
   * existence is not revealed.
   */
  @GetMapping("/{id}")
  @PreAuthorize(Can.READ_TICKETS)
  TicketView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    TicketAccess access = TicketAccess.of(Caller.of(jwt));
    return TicketView.of(lookup.find(access, id), clocks, access.isStaff());
  }

  /** Paged; department staff and customers see only theirs. */
  @GetMapping
  @PreAuthorize(Can.READ_TICKETS)
  TicketPageView list(
      @Valid @ModelAttribute TicketSearchParams params, @AuthenticationPrincipal Jwt jwt) {
    TicketAccess access = TicketAccess.of(Caller.of(jwt));
    TicketPage page =
        lookup.search(
            access, params.toFilter(), params.order(), params.pageNumber(), params.pageSize());
    return new TicketPageView(
        page.tickets().stream().map(t -> TicketView.of(t, clocks, access.isStaff())).toList(),
        page.page(),
        page.size(),
        page.hasNext());
  }

  /** One page of tickets. */
  record TicketPageView(List<TicketView> items, int page, int size, boolean hasNext) {}
}
