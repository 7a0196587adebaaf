package io.crossdesk.ticket.ticket.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.ticket.ticket.domain.Channel;
import io.crossdesk.ticket.ticket.domain.Enums;
import io.crossdesk.ticket.ticket.domain.Priority;
import io.crossdesk.ticket.ticket.domain.TicketDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /api/tickets. The checks mirror {@link TicketDraft}'s so that every invalid field is
 * reported at once; {@code priority} is optional, and left out or blank it means NORMAL.
 */
public record OpenTicketRequest(
    @NotBlank @Size(max = 100) String customerId,
    @NotBlank @OneOf(Channel.class) String channel,
    @NotBlank
        @Pattern(
            regexp = TicketDraft.CATEGORY_PATTERN,
            message = "must be an upper-case word such as NETWORK or BILLING")
        String category,
    @OneOf(Priority.class) String priority,
    @NotBlank @Size(max = TicketDraft.TITLE_MAX) String title,
    @NotBlank @Size(max = TicketDraft.DESCRIPTION_MAX) String description) {

  TicketDraft toDraft() {
    return new TicketDraft(
        customerId,
        Enums.parse(Channel.class, "channel", channel),
        category,
        Priority.parseOrNormal(priority),
        title,
        description);
  }
}
