package io.crossdesk.notification.webhook.domain;

import java.time.Instant;

/**
 * One request to the subscriber, or one that could not be made (its circuit open).
 *
 * @param replay whether someone asked for it rather than the retry schedule
 * @param statusCode the subscriber's HTTP status; null when it gave none
 * @param error why it failed without a status (a timeout, a refused connection, an open circuit)
 * @param succeeded null while the request is in flight
 */
public record DeliveryAttempt(
    boolean replay,
    Instant at,
    Integer statusCode,
    String error,
    Long durationMillis,
    Boolean succeeded) {

  public static DeliveryAttempt started(boolean replay, Instant at) {
    return new DeliveryAttempt(replay, at, null, null, null, null);
  }

  public DeliveryAttempt ended(Outcome outcome) {
    return new DeliveryAttempt(
        replay,
        at,
        outcome.statusCode(),
        outcome.error(),
        outcome.durationMillis(),
        outcome.succeeded());
  }

  public boolean inFlight() {
    return succeeded == null;
  }

  /** What a request came to: a 2xx status is a success, anything else a failure. */
  public record Outcome(Integer statusCode, String error, long durationMillis) {

    public boolean succeeded() {
      return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
  }
}
