package io.crossdesk.platform.events;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventContract;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns event records into messages and messages back into records. */
public class Events {

  private final JsonMapper json;
  private final String source;
  private final Clock clock;

  public Events(JsonMapper json, String serviceName, Clock clock) {
    this.json = json;
    this.source = "/crossdesk/" + serviceName;
    this.clock = clock;
  }

  /** A new event about the aggregate {@code subject}, which is also its partition key. */
  public EventMessage create(String subject, Record data) {
    EventContract contract = EventCatalogue.of(data.getClass());
    return new EventMessage(
        UUID.randomUUID().toString(),
        source,
        contract.type(),
        subject,
        clock.instant(),
        TraceContext.current(),
        contract.topic(),
        subject,
        json.writeValueAsString(data));
  }

  /**
   * Reads the data of an event.
   *
   * @throws InvalidEventException when the type is unknown or the data violates its schema
   */
  public <T> T read(EventMessage event, Class<T> type) {
    EventContract contract =
        EventCatalogue.byType(event.type())
            .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type()));
    List<String> violations = EventSchemas.violations(contract, event.data());
    if (!violations.isEmpty()) {
      throw new InvalidEventException(
          "event "
              + event.eventId()
              + " of type "
              + event.type()
              + " violates its schema: "
              + String.join("; ", violations));
    }
    try {
      T data = json.readValue(event.data(), type);
      if (data == null) {
        throw new InvalidEventException("event " + event.eventId() + " has null data");
      }
      return data;
    } catch (JacksonException e) {
      throw new InvalidEventException(
          "event "
              + event.eventId()
              + " of type "
              + event.type()
              + " has unreadable data: "
              + e.getOriginalMessage(),
          e);
    }
  }
}
