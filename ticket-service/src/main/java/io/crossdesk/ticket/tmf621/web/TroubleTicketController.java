package io.crossdesk.ticket.tmf621.web;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.tmf621.application.TmfException;
import io.crossdesk.ticket.tmf621.application.TroubleTicketDraft;
import io.crossdesk.ticket.tmf621.application.TroubleTicketDraft.NewNote;
import io.crossdesk.ticket.tmf621.application.TroubleTickets;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TMF621 Trouble Ticket Management v4, /troubleTicket: a facade over Crossdesk's tickets. The
 * official API document (kept in the repository) describes it, not this service's OpenAPI document;
 * docs/tmf621.md says what is supported and how each attribute maps.
 */
@Hidden
@RestController
@RequestMapping(Tmf621.TROUBLE_TICKET_PATH)
@PreAuthorize(Can.USE_TMF621)
class TroubleTicketController {

  /** Attributes a merge patch may change. */
  private static final Set<String> PATCHABLE =
      Set.of("status", "statusChangeReason", "note", "priority", "severity");

  private final TroubleTickets tickets;
  private final TroubleTicketJson view;

  TroubleTicketController(TroubleTickets tickets, JsonMapper json, TicketClocks clocks) {
    this.tickets = tickets;
    this.view = new TroubleTicketJson(json, clocks);
  }

  @PostMapping
  ResponseEntity<ObjectNode> create(
      @RequestBody JsonNode body,
      @RequestParam(required = false) String fields,
      @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    TroubleTicketDraft draft = TroubleTicketRequests.create(body);
    Ticket ticket = tickets.open(caller, draft, jwt.getTokenValue());
    return ResponseEntity.created(URI.create(Tmf621.href(ticket.id())))
        .body(
            view.of(ticket, tickets.seesInternalNotes(caller), TroubleTicketQuery.fields(fields)));
  }

  @GetMapping
  ResponseEntity<List<ObjectNode>> list(
      @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    TroubleTicketQuery query = TroubleTicketQuery.of(params);
    TroubleTickets.Listed listed =
        tickets.list(caller, query.filter(), query.offset(), query.limit());
    boolean staff = tickets.seesInternalNotes(caller);
    List<ObjectNode> items =
        listed.tickets().stream().map(ticket -> view.of(ticket, staff, query.fields())).toList();
    return ResponseEntity.ok()
        .header("X-Total-Count", String.valueOf(listed.total()))
        .header("X-Result-Count", String.valueOf(items.size()))
        .body(items);
  }

  @GetMapping("/{id}")
  ObjectNode get(
      @PathVariable String id,
      @RequestParam(required = false) String fields,
      @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    return view.of(
        tickets.find(caller, id),
        tickets.seesInternalNotes(caller),
        TroubleTicketQuery.fields(fields));
  }

  /**
   * A JSON merge patch (RFC 7386). Every member is checked before anything changes; then the
   * priority, the new notes and the status are applied in that order. A member that is not
   * patchable is accepted when it repeats the ticket's value, so a client may send back what it
   * read.
   */
  @PatchMapping(
      value = "/{id}",
      consumes = {"application/merge-patch+json", "application/json"})
  ObjectNode patch(
      @PathVariable String id, @RequestBody JsonNode patch, @AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    TroubleTicketRequests.requireObject(patch);
    Ticket ticket = tickets.find(caller, id);
    boolean staff = tickets.seesInternalNotes(caller);
    ObjectNode current = view.of(ticket, staff, null);
    for (String member : patch.propertyNames()) {
      if (!PATCHABLE.contains(member) && !patch.get(member).equals(current.get(member))) {
        throw TmfException.badRequest(member, "cannot be changed through this API");
      }
    }
    String severity = TroubleTicketRequests.text(patch, "severity", false, 40);
    Priority priority = TroubleTicketRequests.priority(patch, severity);
    List<NewNote> notes = TroubleTicketRequests.notes(patch.get("note"));
    String status = TroubleTicketRequests.text(patch, "status", false, 40);
    String reason = TroubleTicketRequests.text(patch, "statusChangeReason", false, 2000);
    if (status != null && !TroubleTicketQuery.isStatus(status)) {
      throw TmfException.badRequest("status", "is not a TroubleTicketStatusType");
    }
    if (priority != null) {
      ticket = tickets.reprioritise(caller, id, priority, reason);
    }
    for (NewNote note : notes) {
      ticket = tickets.addNote(caller, id, note);
    }
    if (status != null) {
      ticket = tickets.moveTo(caller, id, status, reason);
    }
    return view.of(ticket, staff, null);
  }

  /** Tickets are records of what a customer asked for and are never deleted: cancel instead. */
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
    tickets.find(Caller.of(jwt), id);
    throw new TmfException(
        HttpStatus.METHOD_NOT_ALLOWED,
        "Tickets are not deleted",
        "a ticket stays on record; PATCH its status to cancelled to withdraw it");
  }
}
