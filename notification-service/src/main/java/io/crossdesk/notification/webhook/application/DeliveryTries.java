package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.delivery.domain.RetryPolicy;
import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt.Outcome;
import io.crossdesk.notification.webhook.domain.DeliveryStatus;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.DeliveryLog;
import io.crossdesk.notification.webhook.persistence.SubscriptionStore;
import io.crossdesk.platform.deadline.DeadlineHandler;
import io.crossdesk.platform.deadline.DeadlineKey;
import io.crossdesk.platform.deadline.Deadlines;
import io.crossdesk.platform.deadline.FiredDeadline;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The scheduled tries of deliveries, on the platform's deadline timers ({@value #KIND}, one
 * deadline {@code try-<n>} per try), so each fires once across instances, survives restarts and a
 * failing handler shows up as stuck work.
 *
 * <p>A try schedules the next one <em>before</em> it sends, at the back-off's due time, and then
 * hands the request to the sending threads through the subscriber's bulkhead: the timer thread
 * waits for no subscriber. A success cancels the next try; a failure leaves it in place; an
 * instance that dies mid-request leaves it in place too, so the delivery is tried again. The try
 * after the last is the give-up check for a last try whose outcome was never recorded.
 */
@Component
class DeliveryTries implements DeadlineHandler {

  static final String KIND = "webhook.delivery";
  private static final String TRY = "try-";
  private static final Duration BUSY_WAIT = Duration.ofSeconds(1);

  private final DeliveryLog log;
  private final SubscriptionStore subscriptions;
  private final Deadlines deadlines;
  private final WebhookSender sender;
  private final SubscriberIsolation isolation;
  private final SubscriptionHealth health;
  private final WebhookProperties properties;
  private final RetryPolicy policy;
  private final Executor sending;
  private final Clock clock;

  DeliveryTries(
      DeliveryLog log,
      SubscriptionStore subscriptions,
      Deadlines deadlines,
      WebhookSender sender,
      SubscriberIsolation isolation,
      SubscriptionHealth health,
      WebhookProperties properties,
      @Qualifier("webhookSending") Executor sending,
      Clock clock) {
    this.log = log;
    this.subscriptions = subscriptions;
    this.deadlines = deadlines;
    this.sender = sender;
    this.isolation = isolation;
    this.health = health;
    this.properties = properties;
    this.policy = properties.retryPolicy();
    this.sending = sending;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  void scheduleFirst(String deliveryId, Instant now) {
    deadlines.schedule(key(deliveryId, 1), now);
  }

  @Override
  public void fire(FiredDeadline deadline) {
    String id = deadline.key().aggregateId();
    int number = Integer.parseInt(deadline.key().name().substring(TRY.length()));
    Delivery delivery = log.find(id).orElse(null);
    if (delivery == null || delivery.status().isFinal() || delivery.tries() >= number) {
      return;
    }
    Instant now = clock.instant();
    DeliveryAttempt inFlight = delivery.tryInFlight();
    if (inFlight != null) {
      Instant lostAfter = inFlight.at().plus(properties.longestTry());
      if (now.isBefore(lostAfter)) {
        deadlines.schedule(deadline.key(), lostAfter);
        return;
      }
      log.end(
          id,
          delivery.attempts().lastIndexOf(inFlight),
          inFlight.ended(new Outcome(null, "no outcome: the instance sending it stopped", 0)));
    }
    Subscription subscription = subscriptions.find(delivery.subscriptionId()).orElse(null);
    if (subscription == null || !subscription.enabled()) {
      log.status(id, DeliveryStatus.GIVEN_UP);
      return;
    }
    if (number > policy.maxTries()) {
      giveUp(subscription, id);
      return;
    }
    Bulkhead bulkhead = isolation.bulkhead(subscription.id());
    if (!bulkhead.tryAcquirePermission()) {
      deadlines.schedule(deadline.key(), now.plus(jittered(BUSY_WAIT)));
      return;
    }
    try {
      Instant next = now.plus(policy.delayAfter(number, ThreadLocalRandom.current().nextDouble()));
      deadlines.schedule(key(id, number + 1), next);
      int index = log.start(id, DeliveryAttempt.started(false, now), number, next);
      DeliveryAttempt started = DeliveryAttempt.started(false, now);
      sending.execute(
          () -> {
            try {
              ended(subscription, delivery, number, index, started);
            } finally {
              bulkhead.onComplete();
            }
          });
    } catch (RuntimeException failed) {
      // The next try is scheduled (or the deadline is retried): nothing is lost.
      bulkhead.onComplete();
      throw failed;
    }
  }

  private void ended(
      Subscription subscription,
      Delivery delivery,
      int number,
      int index,
      DeliveryAttempt started) {
    Outcome outcome = sender.send(subscription, delivery);
    health.attempted(outcome);
    String id = delivery.id();
    if (outcome.succeeded()) {
      log.end(id, index, started.ended(outcome), DeliveryStatus.SUCCEEDED);
      deadlines.cancel(key(id, number + 1));
      health.succeeded(subscription.id());
    } else if (number >= policy.maxTries()) {
      log.end(id, index, started.ended(outcome), DeliveryStatus.GIVEN_UP);
      deadlines.cancel(key(id, number + 1));
      health.givenUp(subscription.id());
    } else {
      log.end(id, index, started.ended(outcome), DeliveryStatus.FAILED);
    }
  }

  private void giveUp(Subscription subscription, String id) {
    log.status(id, DeliveryStatus.GIVEN_UP);
    health.givenUp(subscription.id());
  }

  private static Duration jittered(Duration wait) {
    return wait.plusMillis(ThreadLocalRandom.current().nextLong(wait.toMillis() + 1));
  }

  private static DeadlineKey key(String deliveryId, int number) {
    return new DeadlineKey(KIND, deliveryId, TRY + number);
  }
}
