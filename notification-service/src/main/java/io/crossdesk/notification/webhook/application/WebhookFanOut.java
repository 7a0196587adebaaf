package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.DeliveryLog;
import io.crossdesk.notification.webhook.persistence.SubscriptionStore;
import io.crossdesk.platform.consumer.Delivered;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a run of events into one delivery per event and interested subscription: stored in one bulk
 * write, then each given its first try. A delivery's id is made of the subscription and the event,
 * so an event consumed again, here or on another instance, stores and tries nothing new.
 */
@Component
public class WebhookFanOut {

  private final SubscriptionStore subscriptions;
  private final DeliveryLog log;
  private final DeliveryTries tries;
  private final JsonMapper json;
  private final Clock clock;

  WebhookFanOut(
      SubscriptionStore subscriptions,
      DeliveryLog log,
      DeliveryTries tries,
      JsonMapper json,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.log = log;
    this.tries = tries;
    this.json = json;
    this.clock = clock;
  }

  /** Whether an enabled subscription wants events of {@code type}, whatever their department. */
  public boolean anyWants(String type) {
    return subscriptions.enabled().stream()
        .anyMatch(subscription -> subscription.wants(type, null));
  }

  public void deliverAll(List<? extends Delivered<?>> events) {
    List<Subscription> enabled = subscriptions.enabled();
    if (enabled.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Delivery> wanted = new ArrayList<>();
    for (Delivered<?> event : events) {
      JsonNode data = json.readTree(event.event().data());
      String department = CloudEventBody.departmentOf(data);
      String body = null;
      for (Subscription subscription : enabled) {
        if (subscription.wants(event.event().type(), department)) {
          body = body == null ? CloudEventBody.of(json, event.event(), data) : body;
          wanted.add(
              Delivery.pending(
                  subscription.id(), event.eventId(), event.event().type(), body, now));
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    Map<String, Delivery> byId =
        wanted.stream().collect(Collectors.toMap(Delivery::id, Function.identity(), (a, b) -> a));
    Set<String> stored = log.existing(byId.keySet());
    List<Delivery> fresh =
        byId.values().stream().filter(delivery -> !stored.contains(delivery.id())).toList();
    log.insertAll(fresh);
    // Stored first, then scheduled: a crash in between leaves the event uncommitted, and its
    // redelivery schedules what is still untried.
    fresh.forEach(delivery -> tries.scheduleFirst(delivery.id(), now));
    stored.forEach(
        id ->
            log.find(id)
                .filter(d -> d.tries() == 0 && !d.status().isFinal())
                .ifPresent(untried -> tries.scheduleFirst(untried.id(), now)));
  }
}
