package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt.Outcome;
import io.crossdesk.notification.webhook.domain.DeliveryStatus;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.DeliveryLog;
import io.crossdesk.platform.web.NotFoundException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sends one stored delivery again, now, whatever its status and whether or not its subscription is
 * enabled (someone asked for it): the same body and webhook-id, a fresh timestamp and signature,
 * and one more attempt in the log. A success settles the delivery; a failure changes nothing else.
 */
@Component
public class DeliveryReplays {

  private final DeliveryLog log;
  private final WebhookSender sender;
  private final SubscriberIsolation isolation;
  private final SubscriptionHealth health;
  private final Clock clock;

  DeliveryReplays(
      DeliveryLog log,
      WebhookSender sender,
      SubscriberIsolation isolation,
      SubscriptionHealth health,
      Clock clock) {
    this.log = log;
    this.sender = sender;
    this.isolation = isolation;
    this.health = health;
    this.clock = clock;
  }

  /**
   * @throws BulkheadFullException when the subscriber has as many requests in flight as it may
   */
  public Delivery replay(Subscription subscription, String eventId) {
    String id = Delivery.idOf(subscription.id(), eventId);
    if (log.find(id).isEmpty()) {
      throw new NotFoundException("no delivery of event " + eventId + " to this subscription");
    }
    Bulkhead bulkhead = isolation.bulkhead(subscription.id());
    bulkhead.acquirePermission();
    try {
      DeliveryAttempt started = DeliveryAttempt.started(true, clock.instant());
      int index = log.start(id, started, null, null);
      Delivery delivery = log.find(id).orElseThrow();
      Outcome outcome = sender.send(subscription, delivery);
      health.attempted(outcome);
      if (outcome.succeeded()) {
        log.end(id, index, started.ended(outcome), DeliveryStatus.SUCCEEDED);
        health.succeeded(subscription.id());
      } else {
        log.end(id, index, started.ended(outcome));
      }
    } finally {
      bulkhead.onComplete();
    }
    return log.find(id).orElseThrow();
  }
}
