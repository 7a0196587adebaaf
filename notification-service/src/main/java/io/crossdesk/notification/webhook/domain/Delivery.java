package io.crossdesk.notification.webhook.domain;

import java.time.Instant;
import java.util.List;

/**
 * One event for one subscription: stored before its first try, with the exact body every try and
 * replay sends and every attempt made.
 *
 * @param eventId the id of what is delivered, sent as {@code webhook-id}: the event's id, or for a
 *     format that makes several messages of one event, the event's id and the message's type
 *     ({@code <event id>:<TMF event type>})
 * @param eventType the type of what is delivered: the event's, or the message's (a TMF event type)
 * @param tries the scheduled tries started so far (replays not counted)
 */
public record Delivery(
    String id,
    String subscriptionId,
    String eventId,
    String eventType,
    String body,
    DeliveryStatus status,
    int tries,
    List<DeliveryAttempt> attempts,
    Instant createdAt,
    Instant nextTryAt) {

  private static final String SEPARATOR = "|";

  public Delivery {
    attempts = List.copyOf(attempts);
  }

  /**
   * {@code <subscription id>|<event id>}: one delivery per event (per message made of it) and
   * subscription by construction, whichever instance consumes the event and however often.
   */
  public static String idOf(String subscriptionId, String eventId) {
    return subscriptionId + SEPARATOR + eventId;
  }

  public static Delivery pending(
      String subscriptionId, String eventId, String eventType, String body, Instant now) {
    return new Delivery(
        idOf(subscriptionId, eventId),
        subscriptionId,
        eventId,
        eventType,
        body,
        DeliveryStatus.PENDING,
        0,
        List.of(),
        now,
        now);
  }

  /** The last scheduled try's attempt while it is still in flight. */
  public DeliveryAttempt tryInFlight() {
    for (int i = attempts.size() - 1; i >= 0; i--) {
      DeliveryAttempt attempt = attempts.get(i);
      if (!attempt.replay()) {
        return attempt.inFlight() ? attempt : null;
      }
    }
    return null;
  }
}
