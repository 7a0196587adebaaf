package io.crossdesk.notification.webhook.domain;

/**
 * What a subscription's deliveries carry. Fixed when the subscription is made, so every delivery of
 * one subscription is in the same format and is sent with the same content type.
 */
public enum PayloadFormat {
  /** The Crossdesk event itself, in CloudEvents JSON structured mode: one delivery per event. */
  CLOUDEVENTS("application/cloudevents+json; charset=UTF-8"),
  /**
   * TM Forum's TMF621 notification envelopes, for listeners registered at the Trouble Ticket API's
   * hub: an event may become several notifications, each its own delivery.
   */
  TMF621("application/json");

  private final String contentType;

  PayloadFormat(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }
}
