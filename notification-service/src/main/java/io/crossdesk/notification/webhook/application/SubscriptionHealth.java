package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.DeliveryAttempt.Outcome;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.SubscriptionStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps count of each subscription's deliveries given up in a row and disables it when they reach
 * {@code crossdesk.webhooks.disable-after}: a WARN log, the {@code
 * crossdesk.webhooks.subscriptions.disabled} counter, and the state and reason on the API.
 */
@Component
class SubscriptionHealth {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHealth.class);

  private final SubscriptionStore subscriptions;
  private final int disableAfter;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter disabled;

  SubscriptionHealth(
      SubscriptionStore subscriptions,
      WebhookProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.subscriptions = subscriptions;
    this.disableAfter = properties.disableAfter();
    this.clock = clock;
    this.meters = meters;
    this.disabled =
        Counter.builder("crossdesk.webhooks.subscriptions.disabled")
            .description("Webhook subscriptions disabled because their deliveries kept failing")
            .register(meters);
  }

  void attempted(Outcome outcome) {
    meters
        .counter(
            "crossdesk.webhooks.attempts", "outcome", outcome.succeeded() ? "succeeded" : "failed")
        .increment();
  }

  void succeeded(String subscriptionId) {
    subscriptions.change(subscriptionId, Subscription::deliverySucceeded);
  }

  void givenUp(String subscriptionId) {
    AtomicBoolean disabledNow = new AtomicBoolean();
    subscriptions
        .change(
            subscriptionId,
            before -> {
              Subscription after = before.deliveryGivenUp(disableAfter, clock.instant());
              disabledNow.set(before.enabled() && !after.enabled());
              return after;
            })
        .filter(after -> disabledNow.get())
        .ifPresent(
            after -> {
              disabled.increment();
              LOG.warn(
                  "Webhook subscription {} to {} disabled: {}",
                  after.id(),
                  after.url(),
                  after.disabledReason());
            });
  }
}
