package io.crossdesk.ticket.lifecycle.web;

import io.crossdesk.platform.web.OneOf;
import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import io.crossdesk.ticket.lifecycle.domain.Visibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the actions on a ticket. */
final class TicketActionRequests {

  private TicketActionRequests() {}

  /** A public reply (the default) or an internal note, staff only. */
  record CommentRequest(
      @NotBlank @Size(max = 5000) String text, @OneOf(Visibility.class) String visibility) {

    Visibility visibilityOrPublic() {
      return visibility == null || visibility.isBlank()
          ? Visibility.PUBLIC
          : Visibility.valueOf(visibility);
    }
  }

  record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}

  /** At least one of type and priority, with the reason. */
  record ReclassifyRequest(
      @OneOf(TicketType.class) String type,
      @OneOf(Priority.class) String priority,
      @NotBlank @Size(max = 1000) String reason) {}

  record TransferRequest(
      @NotBlank @Size(max = 100) String to, @NotBlank @Size(max = 1000) String reason) {}

  record ResolveRequest(@NotBlank @Size(max = 2000) String resolution) {}

  record SatisfactionRequest(
      @NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {}

  record MergeRequest(@NotBlank @Size(max = 100) String into) {}
}
