package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.platform.consumer.Delivered;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One payload format of webhook deliveries: what an event becomes in it, and which of those
 * messages a subscription takes. The fan-out asks each subscription's format and stores one
 * delivery per message, so storing, signing, retrying, disabling and the delivery log stay one
 * mechanism for every format; a feature that brings a format (tmf621) provides it as a bean.
 */
public interface DeliveryFormat {

  PayloadFormat format();

  /**
   * The messages {@code event} becomes, none when it means nothing in this format. Made once per
   * event and shared by every subscription of the format that wants the event, so they must not
   * depend on the subscription; {@link #takes} chooses among them.
   *
   * @param data the event's data, parsed
   */
  List<Message> messages(Delivered<?> event, JsonNode data);

  /** Whether {@code subscription}, which wants the event, takes this one of its messages. */
  default boolean takes(Subscription subscription, Message message) {
    return true;
  }

  /**
   * One message to deliver.
   *
   * @param id sent as {@code webhook-id} and kept as the delivery's event id: the same whenever the
   *     event is consumed, and different for each message of one event, so that a redelivered event
   *     stores nothing new and receivers de-duplicate by it
   * @param type what the receiver is told it is (the event's type, or the format's own name)
   * @param body the exact text every try and replay sends
   */
  record Message(String id, String type, String body) {}
}
