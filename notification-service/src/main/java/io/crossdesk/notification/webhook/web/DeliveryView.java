package io.crossdesk.notification.webhook.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A delivery as the API shows it; the body only when one delivery is asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(
    String id,
    String subscriptionId,
    String eventId,
    String eventType,
    String status,
    int tries,
    Instant createdAt,
    Instant nextTryAt,
    List<AttemptView> attempts,
    String body) {

  record AttemptView(
      int number,
      boolean replay,
      Instant at,
      Integer statusCode,
      String error,
      Long durationMillis,
      Boolean succeeded) {}

  static DeliveryView summary(Delivery delivery) {
    return of(delivery, false);
  }

  static DeliveryView detail(Delivery delivery) {
    return of(delivery, true);
  }

  private static DeliveryView of(Delivery delivery, boolean withBody) {
    List<AttemptView> attempts = new ArrayList<>();
    for (int i = 0; i < delivery.attempts().size(); i++) {
      DeliveryAttempt attempt = delivery.attempts().get(i);
      attempts.add(
          new AttemptView(
              i + 1,
              attempt.replay(),
              attempt.at(),
              attempt.statusCode(),
              attempt.error(),
              attempt.durationMillis(),
              attempt.succeeded()));
    }
    return new DeliveryView(
        delivery.id(),
        delivery.subscriptionId(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.status().name(),
        delivery.tries(),
        delivery.createdAt(),
        delivery.status().isFinal() ? null : delivery.nextTryAt(),
        attempts,
        withBody ? delivery.body() : null);
  }
}
