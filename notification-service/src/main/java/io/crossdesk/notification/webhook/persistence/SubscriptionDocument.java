package io.crossdesk.notification.webhook.persistence;

import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.SigningSecret;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.domain.WebhookSecret;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/**
 * A subscription as stored. The secrets are stored as they are: signing needs them, so whoever
 * reads this collection can sign as Crossdesk; the API shows a secret only when it is made.
 *
 * <p>{@code format}, {@code query} and {@code allTickets} came with TMF621 listeners: a document
 * without them was stored before, as a CloudEvents subscription to events of every ticket, and
 * reads as one.
 */
record SubscriptionDocument(
    @Id String id,
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
    List<SecretDocument> secrets,
    int consecutiveGiveUps,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  record SecretDocument(int number, String secret, Instant createdAt, Instant expiresAt) {}

  static SubscriptionDocument of(Subscription subscription) {
    return new SubscriptionDocument(
        subscription.id(),
        subscription.url(),
        subscription.eventTypes(),
        subscription.departments(),
        subscription.format(),
        subscription.query(),
        subscription.allTickets(),
        subscription.description(),
        subscription.enabled(),
        subscription.disabledReason(),
        subscription.disabledAt(),
        subscription.secrets().stream()
            .map(
                secret ->
                    new SecretDocument(
                        secret.number(),
                        secret.secret().value(),
                        secret.createdAt(),
                        secret.expiresAt()))
            .toList(),
        subscription.consecutiveGiveUps(),
        subscription.createdAt(),
        subscription.createdBy(),
        subscription.updatedAt());
  }

  Subscription toSubscription(long version) {
    return new Subscription(
        id,
        url,
        eventTypes == null ? Set.of() : eventTypes,
        departments == null ? Set.of() : departments,
        format == null ? PayloadFormat.CLOUDEVENTS : format,
        query,
        allTickets == null || allTickets,
        description,
        enabled,
        disabledReason,
        disabledAt,
        secrets.stream()
            .map(
                secret ->
                    new SigningSecret(
                        secret.number(),
                        new WebhookSecret(secret.secret()),
                        secret.createdAt(),
                        secret.expiresAt()))
            .toList(),
        consecutiveGiveUps,
        createdAt,
        createdBy,
        updatedAt,
        version);
  }
}
