package io.crossdesk.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.context.ApplicationListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.MongoMappingEvent;

/**
 * Around every insert or save of a document with an outbox: marks its events pending before the
 * write, so a crash right after it loses nothing, and queues the document for the relay after it,
 * so the events go out at once. A write that fails leaves markers with nothing behind them; the
 * relay removes those when their lease runs out.
 */
public class OutboxWrites implements ApplicationListener<MongoMappingEvent<?>> {

  private final PendingEvents pending;
  private final OutboxRelay relay;

  public OutboxWrites(PendingEvents pending, OutboxRelay relay) {
    this.pending = pending;
    this.relay = relay;
  }

  @Override
  public void onApplicationEvent(MongoMappingEvent<?> event) {
    if (!(event.getSource() instanceof HasOutbox carrier) || carrier.outbox().isEmpty()) {
      return;
    }
    Document document = event.getDocument();
    if (document == null) {
      return;
    }
    if (event instanceof BeforeSaveEvent<?>) {
      if (document.get("_id") == null) {
        throw new IllegalStateException(
            "a document with an outbox needs its id before it is saved, in "
                + event.getCollectionName());
      }
      pending.mark(event.getCollectionName(), document.get("_id"), eventIds(document));
    } else if (event instanceof AfterSaveEvent<?>) {
      relay.enqueue(event.getCollectionName(), document.get("_id"));
    }
  }

  private static List<String> eventIds(Document document) {
    List<String> ids = new ArrayList<>();
    List<Document> outbox = document.getList(HasOutbox.FIELD, Document.class);
    if (outbox != null) {
      outbox.forEach(entry -> ids.add(entry.getString("eventId")));
    }
    return ids;
  }
}
