package io.crossdesk.notification.webhook.domain;

/** A subscriber URL Crossdesk will not call. */
public class WebhookUrlRefusedException extends RuntimeException {

  public WebhookUrlRefusedException(String message) {
    super(message);
  }
}
