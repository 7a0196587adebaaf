package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.application.TicketAccess;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.application.TicketCommands;
import io.crossdesk.ticket.lifecycle.domain.InvalidTicketException;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.CommentRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.MergeRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.ReasonRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.ReclassifyRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.ResolveRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.SatisfactionRequest;
import io.crossdesk.ticket.lifecycle.web.TicketActionRequests.TransferRequest;
import jakarta.validation.Valid;
import java.util.function.Function;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people do with a ticket. Every action answers with the changed ticket as the caller sees it;
 * a move the ticket's status does not allow answers 409 and changes nothing.
 */
@RestController
@RequestMapping("/api/tickets/{id}")
class TicketActionsController {

  private final TicketCommands commands;
  private final TicketClocks clocks;

  TicketActionsController(TicketCommands commands, TicketClocks clocks) {
    this.commands = commands;
    this.clocks = clocks;
  }

  @PostMapping("/comments")
  @PreAuthorize(Can.READ_TICKETS)
  TicketView comment(
      @PathVariable String id,
      @Valid @RequestBody CommentRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.comment(c, id, request.text(), request.visibilityOrPublic()));
  }

  @PostMapping("/wait-for-customer")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView waitForCustomer(
      @PathVariable String id,
      @Valid @RequestBody ReasonRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.waitForCustomer(c, id, request.reason()));
  }

  @PostMapping("/resume")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView resume(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.resume(c, id));
  }

  @PostMapping("/reclassify")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView reclassify(
      @PathVariable String id,
      @Valid @RequestBody ReclassifyRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    if (blank(request.type()) && blank(request.priority())) {
      throw new InvalidTicketException("type", "or priority must be given, or both");
    }
    TicketType type = blank(request.type()) ? null : TicketType.valueOf(request.type());
    Priority priority = blank(request.priority()) ? null : Priority.valueOf(request.priority());
    return act(jwt, c -> commands.reclassify(c, id, type, priority, request.reason()));
  }

  @PostMapping("/transfer")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView transfer(
      @PathVariable String id,
      @Valid @RequestBody TransferRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.transfer(c, id, request.to(), request.reason()));
  }

  @PostMapping("/resolve")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView resolve(
      @PathVariable String id,
      @Valid @RequestBody ResolveRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.resolve(c, id, request.resolution()));
  }

  @PostMapping("/confirm")
  @PreAuthorize(Can.ANSWER_RESOLUTIONS)
  TicketView confirm(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.confirm(c, id));
  }

  @PostMapping("/reject")
  @PreAuthorize(Can.ANSWER_RESOLUTIONS)
  TicketView reject(
      @PathVariable String id,
      @Valid @RequestBody ReasonRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.reject(c, id, request.reason()));
  }

  @PostMapping("/cancel")
  @PreAuthorize(Can.ANSWER_RESOLUTIONS)
  TicketView cancel(
      @PathVariable String id,
      @Valid @RequestBody ReasonRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.cancel(c, id, request.reason()));
  }

  @PostMapping("/satisfaction")
  @PreAuthorize(Can.ANSWER_RESOLUTIONS)
  TicketView satisfaction(
      @PathVariable String id,
      @Valid @RequestBody SatisfactionRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.rate(c, id, request.score(), request.comment()));
  }

  /** Merges this ticket, a duplicate, into {@code into}; answers with the closed duplicate. */
  @PostMapping("/merge")
  @PreAuthorize(Can.WORK_TICKETS)
  TicketView merge(
      @PathVariable String id,
      @Valid @RequestBody MergeRequest request,
      @AuthenticationPrincipal Jwt jwt) {
    return act(jwt, c -> commands.merge(c, id, request.into()));
  }

  private TicketView act(Jwt jwt, Function<Caller, Ticket> action) {
    Caller caller = Caller.of(jwt);
    Ticket changed = action.apply(caller);
    return TicketView.of(changed, clocks, TicketAccess.of(caller).isStaff());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
