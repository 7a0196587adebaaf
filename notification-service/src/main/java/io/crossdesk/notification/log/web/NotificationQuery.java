package io.crossdesk.notification.log.web;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import jakarta.validation.constraints.Pattern;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;

/** The filters of a notification search; blank means no filter. */
record NotificationQuery(
    @Pattern(regexp = ID, message = "must be at most 64 letters, digits, '.', '_', ':' or '-'")
        String customerId,
    @Pattern(regexp = ID, message = "must be at most 64 letters, digits, '.', '_', ':' or '-'")
        String ticketId) {

  static final String ID = "[A-Za-z0-9._:-]{0,64}";

  NotificationQuery {
    customerId = blankAsNull(customerId);
    ticketId = blankAsNull(ticketId);
  }

  /**
   * The query as the caller may run it: staff see every customer's notifications, a customer only
   * their own (their own filter applies when they give none).
   */
  NotificationQuery visibleTo(Caller caller) {
    if (caller.can(Capability.SEE_ALL_NOTIFICATIONS)) {
      return this;
    }
    String own = caller.customerId();
    if (own == null || (customerId != null && !Objects.equals(customerId, own))) {
      throw new AccessDeniedException("customers see only their own notifications");
    }
    return new NotificationQuery(own, ticketId);
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
