package io.crossdesk.ticket.tmf621.application;

import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import java.util.List;

/**
 * A TroubleTicket to open: the Crossdesk ticket it becomes, the caller's own reference for it, and
 * the notes it came with.
 *
 * @param externalId the opening system's reference, or null
 */
public record TroubleTicketDraft(TicketDraft ticket, String externalId, List<NewNote> notes) {

  public TroubleTicketDraft {
    notes = List.copyOf(notes);
  }

  /** A note to add: a public reply, or an internal note staff alone read. */
  public record NewNote(String text, boolean internal) {}
}
