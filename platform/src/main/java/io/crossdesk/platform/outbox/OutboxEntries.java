package io.crossdesk.platform.outbox;

import io.crossdesk.platform.events.EventMessage;
import java.util.Date;
import org.bson.Document;

/** An event as it waits in an aggregate's outbox, mapped by hand in both directions. */
public final class OutboxEntries {

  /** The field of an aggregate's document that holds its unpublished events. */
  public static final String FIELD = "outbox";

  private OutboxEntries() {}

  public static Document write(EventMessage event) {
    Document entry =
        new Document("eventId", event.eventId())
            .append("source", event.source())
            .append("type", event.type())
            .append("subject", event.subject())
            .append("time", Date.from(event.time()));
    if (event.traceparent() != null) {
      entry.append("traceparent", event.traceparent());
    }
    return entry
        .append("topic", event.topic())
        .append("key", event.key())
        .append("data", event.data());
  }

  public static EventMessage read(Document entry) {
    Date time = entry.getDate("time");
    return new EventMessage(
        entry.getString("eventId"),
        entry.getString("source"),
        entry.getString("type"),
        entry.getString("subject"),
        time == null ? null : time.toInstant(),
        entry.getString("traceparent"),
        entry.getString("topic"),
        entry.getString("key"),
        entry.getString("data"));
  }
}
