package io.crossdesk.notification.webhook.domain;

import java.time.Instant;

/**
 * One of a subscription's secrets: numbered from 1 in the order they were added, signing until it
 * is removed or its expiry (set when a newer secret replaces it) has passed.
 */
public record SigningSecret(
    int number, WebhookSecret secret, Instant createdAt, Instant expiresAt) {

  public boolean activeAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }

  SigningSecret expiringAt(Instant at) {
    return expiresAt != null && expiresAt.isBefore(at)
        ? this
        : new SigningSecret(number, secret, createdAt, at);
  }
}
