package io.crossdesk.notification.tmf621.application;

import io.crossdesk.notification.tmf621.application.TroubleTicketEvents.Notification;
import io.crossdesk.notification.tmf621.domain.InvalidListenerQueryException;
import io.crossdesk.notification.tmf621.domain.ListenerQuery;
import io.crossdesk.notification.webhook.application.DeliveryFormat;
import io.crossdesk.notification.webhook.domain.PayloadFormat;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.platform.consumer.Delivered;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TMF621 listeners' deliveries: each notification a ticket event becomes, in TMF's event envelope
 * ({@code eventId}, {@code eventTime}, {@code eventType}, {@code correlationId}, {@code domain},
 * {@code title}, {@code timeOcurred}, {@code event.troubleTicket}), is its own delivery, whose id
 * is the event's id and the notification's type: stable however often the event is consumed, and
 * distinct for the several notifications of one event. A listener takes the types its query names.
 *
 * <p>TMF's definition shows the listener as {@code {callback}/listener/troubleTicketCreateEvent}
 * and so on; like most implementations, Crossdesk POSTs every notification to the callback exactly
 * as it was registered, and the body's {@code eventType} says which it is.
 */
@Component
class Tmf621Format implements DeliveryFormat {

  private static final Logger LOG = LoggerFactory.getLogger(Tmf621Format.class);
  private static final String DOMAIN = "troubleTicket";

  private final JsonMapper json;
  private final TroubleTicketEvents events;

  Tmf621Format(JsonMapper json) {
    this.json = json;
    this.events = new TroubleTicketEvents(json);
  }

  @Override
  public PayloadFormat format() {
    return PayloadFormat.TMF621;
  }

  @Override
  public List<Message> messages(Delivered<?> event, JsonNode data) {
    return events.of(event.data()).stream().map(one -> message(event, one)).toList();
  }

  @Override
  public boolean takes(Subscription listener, Message message) {
    try {
      return ListenerQuery.parse(listener.query()).takes(message.type());
    } catch (InvalidListenerQueryException unreadable) {
      // Queries are checked when a listener registers; one stored otherwise takes nothing.
      LOG.warn(
          "TMF621 listener {} has a query it cannot follow: {}",
          listener.id(),
          unreadable.getMessage());
      return false;
    }
  }

  private Message message(Delivered<?> event, Notification notification) {
    String type = notification.type().tmfName();
    String id = event.eventId() + ":" + type;
    Instant time = event.event().time() != null ? event.event().time() : notification.occurredAt();
    ObjectNode envelope = json.createObjectNode();
    envelope.put("eventId", id);
    TroubleTicketEvents.text(envelope, "eventTime", time);
    envelope.put("eventType", type);
    envelope.put("correlationId", notification.ticketId());
    envelope.put("domain", DOMAIN);
    envelope.put("title", notification.title());
    TroubleTicketEvents.text(envelope, "timeOcurred", notification.occurredAt());
    envelope.putObject("event").set("troubleTicket", notification.troubleTicket());
    return new Message(id, type, json.writeValueAsString(envelope));
  }
}
