package io.crossdesk.notification.webhook.application;

import io.crossdesk.platform.events.EventMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A delivery's body: the event in CloudEvents JSON structured mode, its data embedded as JSON. The
 * same text is signed and sent on every try, so it is made once and stored with the delivery.
 */
final class CloudEventBody {

  static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  private CloudEventBody() {}

  /** The event's {@code department}, or null when its data has none. */
  static String departmentOf(JsonNode data) {
    JsonNode department = data.path("department");
    return department.isString() ? department.asString() : null;
  }

  static String of(JsonMapper json, EventMessage event, JsonNode data) {
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
