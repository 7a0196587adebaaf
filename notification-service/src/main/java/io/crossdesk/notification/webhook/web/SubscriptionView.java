package io.crossdesk.notification.webhook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.SigningSecret;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.domain.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscription as the API shows it. {@code secret} is there only in the answer that made it (a
 * creation or a rotation); the secrets list says which are active and until when. {@code query} and
 * {@code allTickets} are shown for TMF621 listeners only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(
    String id,
    String url,
    Set<String> eventTypes,
    Set<String> departments,
    PayloadFormat format,
    String query,
    Boolean allTickets,
    String description,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    int consecutiveGiveUps,
    List<SecretView> secrets,
    String secret,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  record SecretView(int number, Instant createdAt, Instant expiresAt) {

    static SecretView of(SigningSecret secret) {
      return new SecretView(secret.number(), secret.createdAt(), secret.expiresAt());
    }
  }

  static SubscriptionView of(Subscription subscription) {
    return of(subscription, null);
  }

  static SubscriptionView of(Subscription subscription, WebhookSecret newSecret) {
    return new SubscriptionView(
        subscription.id(),
        subscription.url(),
        new TreeSet<>(subscription.eventTypes()),
        new TreeSet<>(subscription.departments()),
        subscription.format(),
        subscription.query(),
        subscription.format() == PayloadFormat.TMF621 ? subscription.allTickets() : null,
        subscription.description(),
        subscription.enabled(),
        subscription.disabledReason(),
        subscription.disabledAt(),
        subscription.consecutiveGiveUps(),
        subscription.secrets().stream().map(SecretView::of).toList(),
        newSecret == null ? null : newSecret.value(),
        subscription.createdAt(),
        subscription.createdBy(),
        subscription.updatedAt());
  }
}
