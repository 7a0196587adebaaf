package io.crossdesk.notification.tmf621.web;

import io.crossdesk.contracts.tmf621.Tmf621;
import io.crossdesk.notification.tmf621.application.HubListeners;
import io.crossdesk.notification.webhook.application.WebhookSubscriptions.WithSecret;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Can;
import io.crossdesk.security.Capability;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The TMF621 Trouble Ticket API's notification hub: other systems register listeners for ticket
 * notifications. Hidden from springdoc: TM Forum's own API definition describes it, and its errors
 * are TMF Error resources ({@link HubErrors}).
 */
@Hidden
@RestController
@RequestMapping(HubController.HUB)
@PreAuthorize(Can.USE_TMF621)
class HubController {

  static final String HUB = Tmf621.BASE_PATH + "/hub";

  /**
   * Where the answer to a registration carries the listener's signing secret, once: TMF's
   * EventSubscription has no field for it, and the listener needs it to verify every notification.
   */
  static final String SECRET_HEADER = "Crossdesk-Webhook-Secret";

  private final HubListeners listeners;

  HubController(HubListeners listeners) {
    this.listeners = listeners;
  }

  @PostMapping
  ResponseEntity<EventSubscription> register(
      @Valid @RequestBody EventSubscriptionInput input, @AuthenticationPrincipal Jwt token) {
    Caller system = Caller.of(token);
    WithSecret registered =
        listeners.register(
            input.callback(),
            input.query(),
            system.subject(),
            system.can(Capability.SEE_ALL_TICKETS));
    return ResponseEntity.created(URI.create(HUB + "/" + registered.subscription().id()))
        .header(SECRET_HEADER, registered.secret().value())
        .cacheControl(CacheControl.noStore())
        .body(EventSubscription.of(registered.subscription()));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> unregister(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
    listeners.unregister(id, token.getSubject());
    return ResponseEntity.noContent().build();
  }
}
