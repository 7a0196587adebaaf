package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.platform.consumer.Delivered;
import io.crossdesk.platform.events.EventMessage;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event in CloudEvents JSON structured mode, its data embedded as JSON: one message per event,
 * whose id is the event's. The same text is signed and sent on every try, so it is made once and
 * stored with the delivery.
 */
@Component
class CloudEventsFormat implements DeliveryFormat {

  private final JsonMapper json;

  CloudEventsFormat(JsonMapper json) {
    this.json = json;
  }

  @Override
  public PayloadFormat format() {
    return PayloadFormat.CLOUDEVENTS;
  }

  @Override
  public List<Message> messages(Delivered<?> event, JsonNode data) {
    EventMessage message = event.event();
    return List.of(new Message(event.eventId(), message.type(), body(message, data)));
  }

  private String body(EventMessage event, JsonNode data) {
    ObjectNode body = json.createObjectNode();
    body.put("specversion", "1.0");
    body.put("id", event.eventId());
    body.put("source", event.source());
    body.put("type", event.type());
    if (event.subject() != null) {
      body.put("subject", event.subject());
    }
    if (event.time() != null) {
      body.put("time", event.time().toString());
    }
    body.put("datacontenttype", "application/json");
    if (event.traceparent() != null) {
      body.put("traceparent", event.traceparent());
    }
    body.set("data", data);
    return json.writeValueAsString(body);
  }
}
