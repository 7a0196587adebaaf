package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.domain.Category;
import io.crossdesk.ticket.lifecycle.domain.Channel;
import io.crossdesk.ticket.lifecycle.domain.Enums;
import io.crossdesk.ticket.lifecycle.domain.TicketDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /api/tickets. The checks mirror {@link TicketDraft}'s so that every invalid field is
 * reported at once. {@code type} and {@code priority} are optional: left out, they follow from the
 * category and the customer's tier. {@code resolution}, from an agent, resolves a consultation at
 * first contact: no work order follows. {@code region} is optional too: left out, the customer's
 * region as far as ticket-service knows it.
 */
public record OpenTicketRequest(
    @NotBlank @Size(max = 100) String customerId,
    @NotBlank @OneOf(Channel.class) String channel,
    @NotBlank
        @Pattern(
            regexp = Category.CODE_PATTERN,
            message = "must be an upper-case word such as NETWORK or BILLING")
        String category,
    @OneOf(TicketType.class) String type,
    @OneOf(Priority.class) String priority,
    @NotBlank @Size(max = TicketDraft.TITLE_MAX) String title,
    @NotBlank @Size(max = TicketDraft.DESCRIPTION_MAX) String description,
    @Size(max = 2000) String resolution,
    @Pattern(regexp = TicketDraft.REGION_PATTERN, message = "must be a region code such as CN-SH")
        String region) {

  TicketDraft toDraft() {
    return new TicketDraft(
        customerId,
        Enums.parse(Channel.class, "channel", channel),
        category,
        Enums.parseOptional(TicketType.class, "type", type),
        Enums.parseOptional(Priority.class, "priority", priority),
        title,
        description,
        region == null || region.isBlank() ? null : region);
  }

  String firstContactResolution() {
    return resolution == null || resolution.isBlank() ? null : resolution;
  }
}
