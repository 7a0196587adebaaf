package io.crossdesk.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Events the relay gave up on: publishing them failed for a reason retrying cannot cure (too large,
 * a topic that cannot exist, an entry that cannot be read). They leave their outbox so the events
 * behind them go on, and wait here, with the reason, for an operator.
 */
public class ParkedEvents {

  static final String COLLECTION = "outbox_parked";

  /** A parked event as an operator needs to judge it. */
  public record ParkedEvent(
      String eventId,
      String collection,
      String aggregateId,
      String topic,
      String type,
      String reason,
      int attempts,
      Instant parkedAt,
      Document event) {}

  private final MongoTemplate mongo;

  public ParkedEvents(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  void park(List<ParkedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(events.size());
    for (ParkedEvent event : events) {
      // Keyed by event id: parking the same event again after a crash replaces it.
      writes.add(
          new ReplaceOneModel<>(
              Filters.eq("_id", event.eventId()),
              new Document("_id", event.eventId())
                  .append("collection", event.collection())
                  .append("aggregateId", event.aggregateId())
                  .append("topic", event.topic())
                  .append("type", event.type())
                  .append("reason", event.reason())
                  .append("attempts", event.attempts())
                  .append("parkedAt", Date.from(event.parkedAt()))
                  .append("event", event.event()),
              new ReplaceOptions().upsert(true)));
    }
    parked().bulkWrite(writes);
  }

  /** The newest parked events first, at most {@code limit}. */
  public List<ParkedEvent> list(int limit) {
    List<ParkedEvent> list = new ArrayList<>();
    parked()
        .find()
        .sort(Sorts.descending("parkedAt"))
        .limit(limit)
        .forEach(parked -> list.add(toParked(parked)));
    return list;
  }

  public Optional<ParkedEvent> find(String eventId) {
    return Optional.ofNullable(parked().find(Filters.eq("_id", eventId)).first())
        .map(ParkedEvents::toParked);
  }

  public void remove(String eventId) {
    parked().deleteOne(Filters.eq("_id", eventId));
  }

  public long count() {
    return parked().countDocuments();
  }

  private MongoCollection<Document> parked() {
    return mongo.getCollection(COLLECTION);
  }

  private static ParkedEvent toParked(Document parked) {
    Object aggregateId = parked.get("aggregateId");
    return new ParkedEvent(
        parked.getString("_id"),
        parked.getString("collection"),
        aggregateId == null ? null : aggregateId.toString(),
        parked.getString("topic"),
        parked.getString("type"),
        parked.getString("reason"),
        parked.getInteger("attempts", 0),
        parked.getDate("parkedAt").toInstant(),
        parked.get("event", Document.class));
  }
}
