package io.crossdesk.ticket.tmf621.application;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.customer.application.CustomerDirectory;
import io.crossdesk.ticket.lifecycle.application.TicketAccess;
import io.crossdesk.ticket.lifecycle.application.TicketCommands;
import io.crossdesk.ticket.lifecycle.application.TicketLookup;
import io.crossdesk.ticket.lifecycle.application.TicketOpening;
import io.crossdesk.ticket.lifecycle.domain.Origin;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import io.crossdesk.ticket.lifecycle.domain.TicketOrder;
import io.crossdesk.ticket.lifecycle.domain.TicketPage;
import io.crossdesk.ticket.lifecycle.domain.TicketStatus;
import io.crossdesk.ticket.lifecycle.domain.Visibility;
import io.crossdesk.ticket.lifecycle.persistence.TicketStore;
import io.crossdesk.ticket.tmf621.application.TroubleTicketDraft.NewNote;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The TMF621 Trouble Ticket API over Crossdesk's tickets: one ticket, two views. Everything goes
 * through the ticket commands, so a TMF caller changes a ticket exactly as the desk's own API
 * would, and sees only what {@link TicketAccess} lets it see (a system: the tickets it opened).
 */
@Service
public class TroubleTickets {

  private final CustomerDirectory customers;
  private final TicketOpening opening;
  private final TicketLookup lookup;
  private final TicketCommands commands;
  private final TicketStore tickets;

  TroubleTickets(
      CustomerDirectory customers,
      TicketOpening opening,
      TicketLookup lookup,
      TicketCommands commands,
      TicketStore tickets) {
    this.customers = customers;
    this.opening = opening;
    this.lookup = lookup;
    this.commands = commands;
    this.tickets = tickets;
  }

  /** One page of a list, and how many tickets match in all. */
  public record Listed(List<Ticket> tickets, long total) {}

  /**
   * Opens the ticket under the calling system's name. Without an externalId the ticket is filed
   * under its own id, so that every ticket a system opened is found by that system's name.
   *
   * @throws TmfException 409 when the system opened a ticket under that externalId already
   */
  public Ticket open(Caller caller, TroubleTicketDraft draft, String bearerToken) {
    String id = UUID.randomUUID().toString();
    String externalId = draft.externalId() == null ? id : draft.externalId();
    Ticket opened;
    try {
      opened =
          opening.open(
              id,
              draft.ticket(),
              customers.forRequest(draft.ticket().customerId(), bearerToken),
              Origin.system(caller.subject(), externalId),
              Ticket.SERVICE_CENTER_DESK,
              null);
    } catch (DuplicateKeyException twice) {
      String existing =
          tickets
              .findByIntakeRequest(caller.subject(), externalId)
              .map(ticket -> " as " + Tmf621.href(ticket.id()))
              .orElse("");
      throw new TmfException(
          org.springframework.http.HttpStatus.CONFLICT,
          "Duplicate externalId",
          "externalId " + externalId + " was opened already" + existing);
    }
    for (NewNote note : draft.notes()) {
      opened = addNote(caller, opened.id(), note);
    }
    return opened;
  }

  public Ticket find(Caller caller, String id) {
    return lookup.find(TicketAccess.of(caller), id);
  }

  public Listed list(Caller caller, TicketFilter filter, int offset, int limit) {
    TicketAccess access = TicketAccess.of(caller);
    return access
        .restrict(filter)
        .map(
            visible -> {
              TicketPage page = tickets.searchFrom(visible, TicketOrder.NEWEST, offset, limit);
              return new Listed(page.tickets(), tickets.count(visible));
            })
        .orElse(new Listed(List.of(), 0));
  }

  public boolean seesInternalNotes(Caller caller) {
    return TicketAccess.of(caller).isStaff();
  }

  public Ticket addNote(Caller caller, String id, NewNote note) {
    return commands.comment(
        caller, id, note.text(), note.internal() ? Visibility.INTERNAL : Visibility.PUBLIC);
  }

  /** A new priority, through the desk's reclassification. */
  public Ticket reprioritise(Caller caller, String id, Priority priority, String reason) {
    Ticket ticket = find(caller, id);
    if (ticket.priority() == priority) {
      return ticket;
    }
    return commands.reclassify(
        caller,
        id,
        null,
        priority,
        reason == null ? "priority changed by " + caller.subject() : reason);
  }

  /**
   * Moves the ticket to the TMF status asked for, by the Crossdesk command that leads there. A
   * status the ticket has already changes nothing.
   *
   * @throws TmfException 409 when no command leads from the ticket's status to that one
   */
  public Ticket moveTo(Caller caller, String id, String status, String reason) {
    Ticket ticket = find(caller, id);
    String now = Tmf621.status(ticket.status().name());
    if (now.equals(status)) {
      return ticket;
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    return switch (status) {
      case "cancelled" ->
          commands.cancel(caller, id, why == null ? "cancelled by " + caller.subject() : why);
      case "closed" -> {
        if (ticket.status() != TicketStatus.RESOLVED) {
          throw TmfException.conflict(
              "a ticket is closed once resolved; to withdraw a request, cancel it (status "
                  + now
                  + ")");
        }
        yield commands.confirm(caller, id);
      }
      case "inProgress" -> {
        if (ticket.status() == TicketStatus.RESOLVED) {
          yield commands.reject(
              caller, id, why == null ? "the resolution did not solve the problem" : why);
        }
        if (ticket.status() == TicketStatus.WAITING_CUSTOMER) {
          yield commands.resume(caller, id);
        }
        throw TmfException.conflict("the ticket is " + now + " and cannot become inProgress");
      }
      case "resolved" -> commands.resolve(caller, id, required(why, "resolved"));
      case "pending" -> commands.waitForCustomer(caller, id, required(why, "pending"));
      default ->
          throw TmfException.conflict(
              "the ticket is " + now + " and cannot become " + status + " (see docs/tmf621.md)");
    };
  }

  /** Whether the caller may move tickets along as the desk does. */
  public static boolean isDesk(Caller caller) {
    return caller.can(Capability.WORK_TICKETS);
  }

  private static String required(String reason, String status) {
    if (reason == null) {
      throw TmfException.badRequest("statusChangeReason", "is required to make a ticket " + status);
    }
    return reason;
  }
}
