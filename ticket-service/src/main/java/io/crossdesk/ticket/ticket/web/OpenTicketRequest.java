package io.crossdesk.ticket.ticket.web;

import io.crossdesk.ticket.ticket.domain.Channel;
import io.crossdesk.ticket.ticket.domain.Enums;
import io.crossdesk.ticket.ticket.domain.Priority;
import io.crossdesk.ticket.ticket.domain.TicketDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** POST /api/tickets. */
public record OpenTicketRequest(
    @NotBlank @Size(max = 100) String customerId,
    @NotNull @OneOf(Channel.class) String channel,
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
