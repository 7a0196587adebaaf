package io.crossdesk.notification.webhook.web;

import io.crossdesk.notification.webhook.application.WebhookSubscriptions;
import io.crossdesk.notification.webhook.application.WebhookSubscriptions.WithSecret;
import io.crossdesk.security.Can;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize(Can.MANAGE_WEBHOOKS)
class WebhookController {

  private final WebhookSubscriptions subscriptions;

  WebhookController(WebhookSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @PostMapping
  @Operation(
      summary = "Subscribe a URL to event types",
      description =
          "Answers the subscription with its signing secret (whsec_...), which is shown this once."
              + " The URL must be http or https and not one of the system's own addresses.")
  ResponseEntity<SubscriptionView> subscribe(
      @Valid @RequestBody SubscriptionRequest request, @AuthenticationPrincipal Jwt token) {
    WithSecret created =
        subscriptions.subscribe(
            request.url().strip(),
            request.eventTypes(),
            request.departmentsOrNone(),
            request.description(),
            request.enabledOrDefault(),
            token.getSubject());
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.subscription().id()))
        .body(SubscriptionView.of(created.subscription(), created.secret()));
  }

  @GetMapping
  @Operation(summary = "Every webhook subscription, oldest first")
  List<SubscriptionView> all() {
    return subscriptions.all().stream().map(SubscriptionView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One webhook subscription, with why it was disabled if it was")
  SubscriptionView get(@PathVariable String id) {
    return SubscriptionView.of(subscriptions.get(id));
  }

  @PatchMapping("/{id}")
  @Operation(
      summary = "Change a subscription",
      description =
          "Fields left out stay as they are. enabled=true re-enables a disabled subscription and"
              + " starts its count of failed deliveries afresh.")
  SubscriptionView edit(@PathVariable String id, @Valid @RequestBody SubscriptionEdit edit) {
    return SubscriptionView.of(
        subscriptions.edit(
            id,
            edit.url() == null ? null : edit.url().strip(),
            edit.eventTypes(),
            edit.departments(),
            edit.description(),
            edit.enabled()));
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Remove a subscription",
      description = "Its pending deliveries are given up; its delivery log stays.")
  ResponseEntity<Void> remove(@PathVariable String id) {
    subscriptions.remove(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/secrets")
  @Operation(
      summary = "Add a signing secret (rotation)",
      description =
          "Answers the subscription with the new secret, shown this once. Until the previous"
              + " secret is removed or expires (crossdesk.webhooks.secret-overlap, 24 h by"
              + " default) every delivery carries a signature with each; at most two are active.")
  ResponseEntity<SubscriptionView> rotate(@PathVariable String id) {
    WithSecret rotated = subscriptions.rotate(id);
    return ResponseEntity.created(URI.create("/api/webhooks/" + id))
        .body(SubscriptionView.of(rotated.subscription(), rotated.secret()));
  }

  @DeleteMapping("/{id}/secrets/{number}")
  @Operation(
      summary = "Remove a signing secret",
      description = "The last active secret cannot be removed: add another first.")
  SubscriptionView removeSecret(@PathVariable String id, @PathVariable int number) {
    return SubscriptionView.of(subscriptions.removeSecret(id, number));
  }
}
