package io.crossdesk.notification.log.web;

import io.crossdesk.notification.log.persistence.NotificationLog;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

  static final int LIMIT = 100;

  private final NotificationLog log;

  NotificationController(NotificationLog log) {
    this.log = log;
  }

  /** The newest notifications, at most {@value #LIMIT}, filtered by customer and/or ticket. */
  @GetMapping
  @PreAuthorize(Can.READ_NOTIFICATIONS)
  List<NotificationView> search(
      @Valid NotificationQuery query, @AuthenticationPrincipal Jwt principal) {
    NotificationQuery visible = query.visibleTo(Caller.of(principal));
    return log.newest(visible.customerId(), visible.ticketId(), LIMIT).stream()
        .map(NotificationView::of)
        .toList();
  }
}
