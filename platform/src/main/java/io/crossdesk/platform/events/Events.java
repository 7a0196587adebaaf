package io.crossdesk.platform.events;

import io.crossdesk.contracts.EventCatalogue;
import io.crossdesk.contracts.EventContract;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns event records into messages and messages back into records. */
public class Events {

  private final JsonMapper json;
  private final String source;
  private final Clock clock;
  private final Traces traces;

  public Events(JsonMapper json, String serviceName, Clock clock) {
    this(json, serviceName, clock, Traces.NONE);
  }

  public Events(JsonMapper json, String serviceName, Clock clock, Traces traces) {
    this.json = json;
    this.source = "/crossdesk/" + serviceName;
    this.clock = clock;
    this.traces = traces;
  }

  /** The trace context events are stamped with and consumers continue. */
  public Traces traces() {
    return traces;
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
        traces.traceparent(),
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
    // Parsed once: the schema checks the same tree that is then bound to the record.
    JsonNode tree;
    try {
      tree = json.readTree(event.data());
    } catch (JacksonException e) {
      throw new InvalidEventException(
          "event "
              + event.eventId()
              + " of type "
              + event.type()
              + " violates its schema: data is not valid JSON: "
              + e.getOriginalMessage(),
          e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new InvalidEventException("event " + event.eventId() + " has null data");
    }
    List<String> violations = EventSchemas.violations(contract, tree);
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
      return json.treeToValue(tree, type);
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
