package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.application.DeliveryFormat.Message;
import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.DeliveryLog;
import io.crossdesk.notification.webhook.persistence.SubscriptionStore;
import io.crossdesk.platform.consumer.Delivered;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a run of events into deliveries: one per message each interested subscription's format
 * makes of an event (one for CloudEvents; none, one or more for TMF621), stored in one bulk write,
 * then each given its first try. A delivery's id is made of the subscription and the message id,
 * which derives from the event, so an event consumed again, here or on another instance, stores and
 * tries nothing new.
 */
@Component
public class WebhookFanOut {

  private final SubscriptionStore subscriptions;
  private final DeliveryLog log;
  private final DeliveryTries tries;
  private final Map<PayloadFormat, DeliveryFormat> formats = new EnumMap<>(PayloadFormat.class);
  private final JsonMapper json;
  private final Clock clock;

  WebhookFanOut(
      SubscriptionStore subscriptions,
      DeliveryLog log,
      DeliveryTries tries,
      List<DeliveryFormat> formats,
      JsonMapper json,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.log = log;
    this.tries = tries;
    formats.forEach(format -> this.formats.put(format.format(), format));
    for (PayloadFormat format : PayloadFormat.values()) {
      if (!this.formats.containsKey(format)) {
        throw new IllegalStateException("no DeliveryFormat writes " + format);
      }
    }
    this.json = json;
    this.clock = clock;
  }

  /** Whether an enabled subscription takes events of {@code type}, whatever they are about. */
  public boolean anyWants(String type) {
    return subscriptions.enabled().stream().anyMatch(subscription -> subscription.takes(type));
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
      String type = event.event().type();
      String department = textOf(data, "department");
      String sourceSystem = textOf(data, "sourceSystem");
      Map<PayloadFormat, List<Message>> made = new EnumMap<>(PayloadFormat.class);
      for (Subscription subscription : enabled) {
        if (!subscription.wants(type, department, sourceSystem)) {
          continue;
        }
        DeliveryFormat format = formats.get(subscription.format());
        for (Message message :
            made.computeIfAbsent(subscription.format(), f -> format.messages(event, data))) {
          if (format.takes(subscription, message)) {
            wanted.add(
                Delivery.pending(
                    subscription.id(), message.id(), message.type(), message.body(), now));
          }
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

  /** A text field of the event's data, or null when it has none. */
  private static String textOf(JsonNode data, String field) {
    JsonNode value = data.path(field);
    return value.isString() ? value.asString() : null;
  }
}
