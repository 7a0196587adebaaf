package io.crossdesk.notification.webhook.domain;

/** A rotation that would leave more than two or no signing secrets. */
public class SecretRotationException extends RuntimeException {

  public SecretRotationException(String message) {
    super(message);
  }
}
