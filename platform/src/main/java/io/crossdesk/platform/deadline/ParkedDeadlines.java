package io.crossdesk.platform.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * A marker per parked deadline, so that parked deadlines are counted and listed from a collection
 * as small as their number rather than by reading every deadline. The deadline document is the
 * truth: a marker whose deadline is no longer parked (rescheduled, retried, or the park never
 * completed) is removed when found.
 */
final class ParkedDeadlines {

  static final String COLLECTION = "deadline_parked";
  static final String PARKED_AT = "parkedAt";

  /** A marker: which deadline, of which kind, parked when. */
  record Marker(String deadlineId, String kind, Instant parkedAt) {}

  private final MongoTemplate mongo;

  ParkedDeadlines(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The index MongoDB uses to list the newest first. */
  void declareIndexes() {
    mongo
        .indexOps(COLLECTION)
        .createIndex(new Index().on(PARKED_AT, Sort.Direction.DESC).named("parked_newest_first"));
  }

  void mark(String deadlineId, String kind, Instant parkedAt) {
    markers()
        .replaceOne(
            Filters.eq("_id", deadlineId),
            new Document("_id", deadlineId)
                .append("kind", kind)
                .append(PARKED_AT, Date.from(parkedAt)),
            new ReplaceOptions().upsert(true));
  }

  void remove(String deadlineId) {
    markers().deleteOne(Filters.eq("_id", deadlineId));
  }

  void remove(Collection<String> deadlineIds) {
    if (!deadlineIds.isEmpty()) {
      markers().deleteMany(Filters.in("_id", deadlineIds));
    }
  }

  /** The newest markers first; all of them when {@code limit} is 0. */
  List<Marker> list(int limit) {
    List<Marker> list = new ArrayList<>();
    markers()
        .find()
        .sort(Sorts.descending(PARKED_AT))
        .limit(limit)
        .forEach(
            marker ->
                list.add(
                    new Marker(
                        marker.getString("_id"),
                        marker.getString("kind"),
                        marker.getDate(PARKED_AT).toInstant())));
    return list;
  }

  private MongoCollection<Document> markers() {
    return mongo.getCollection(COLLECTION);
  }
}
