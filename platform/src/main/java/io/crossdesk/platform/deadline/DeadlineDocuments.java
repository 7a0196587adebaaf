package io.crossdesk.platform.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One document per scheduled deadline, {@code _id} the key's id. Every read and write goes by
 * {@code _id}; writes that belong to one schedule call also match its token, so that nothing done
 * for a deadline that was rescheduled meanwhile touches the new one.
 */
final class DeadlineDocuments {

  static final String COLLECTION = "deadlines";
  static final String TOKEN = "token";
  static final String BUCKET = "bucket";
  static final String DUE_AT = "dueAt";
  static final String FIRES_AT = "firesAt";
  static final String ATTEMPTS = "attempts";
  static final String LAST_ERROR = "lastError";
  static final String LEASE = "lease";
  static final String HOLDER = "holder";
  static final String PARKED = "parked";

  private final MongoTemplate mongo;

  DeadlineDocuments(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Replaces whatever was scheduled under the key: a new token, no attempts, no lease. */
  void write(
      DeadlineKey key,
      Instant dueAt,
      Map<String, String> data,
      Instant firesAt,
      String token,
      String bucket,
      Instant now) {
    Document document =
        new Document("_id", key.id())
            .append("kind", key.kind())
            .append("aggregateId", key.aggregateId())
            .append("name", key.name())
            .append(DUE_AT, Date.from(dueAt))
            .append("data", new Document(new LinkedHashMap<String, Object>(data)))
            .append(TOKEN, token)
            .append(BUCKET, bucket)
            .append(FIRES_AT, Date.from(firesAt))
            .append(ATTEMPTS, 0)
            .append(PARKED, false)
            .append("scheduledAt", Date.from(now));
    deadlines()
        .replaceOne(Filters.eq("_id", key.id()), document, new ReplaceOptions().upsert(true));
  }

  Map<String, Document> load(Collection<String> ids) {
    Map<String, Document> found = new HashMap<>();
    if (!ids.isEmpty()) {
      deadlines()
          .find(Filters.in("_id", ids))
          .forEach(document -> found.put(document.getString("_id"), document));
    }
    return found;
  }

  /**
   * Leases the deadline to {@code holder} if it is still the one scheduled with {@code token} in
   * {@code bucket} and nobody holds it; counts the attempt. Null when another instance was faster
   * or the deadline changed.
   */
  Document claim(
      String id, String token, String bucket, Instant now, Instant until, String holder) {
    return deadlines()
        .findOneAndUpdate(
            Filters.and(
                Filters.eq("_id", id),
                Filters.eq(TOKEN, token),
                Filters.eq(BUCKET, bucket),
                Filters.or(Filters.eq(LEASE, null), Filters.lt(LEASE, Date.from(now)))),
            Updates.combine(
                Updates.set(LEASE, Date.from(until)),
                Updates.set(HOLDER, holder),
                Updates.inc(ATTEMPTS, 1)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
  }

  /** Removes the deadline after it fired, unless it was scheduled again meanwhile. */
  void delete(String id, String token) {
    deadlines().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq(TOKEN, token)));
  }

  boolean delete(String id) {
    return deadlines().deleteOne(Filters.eq("_id", id)).getDeletedCount() > 0;
  }

  /** Moves a failed deadline to its entry in the bucket of its next try and releases it. */
  boolean retryAt(
      String id, String token, String nextToken, String bucket, Instant firesAt, String error) {
    return deadlines()
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(TOKEN, token)),
                Updates.combine(
                    Updates.set(TOKEN, nextToken),
                    Updates.set(BUCKET, bucket),
                    Updates.set(FIRES_AT, Date.from(firesAt)),
                    Updates.set(LAST_ERROR, error),
                    Updates.unset(LEASE),
                    Updates.unset(HOLDER)))
            .getModifiedCount()
        > 0;
  }

  /** Takes the deadline out of every bucket; it stays, parked, until it is retried. */
  boolean park(String id, String token, String error) {
    return deadlines()
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(TOKEN, token)),
                Updates.combine(
                    Updates.set(PARKED, true),
                    Updates.set(BUCKET, null),
                    Updates.set(LAST_ERROR, error),
                    Updates.unset(LEASE),
                    Updates.unset(HOLDER)))
            .getModifiedCount()
        > 0;
  }

  static DeadlineKey keyOf(Document document) {
    return new DeadlineKey(
        document.getString("kind"), document.getString("aggregateId"), document.getString("name"));
  }

  static Map<String, String> dataOf(Document document) {
    Map<String, String> data = new LinkedHashMap<>();
    Document stored = document.get("data", Document.class);
    if (stored != null) {
      stored.forEach((name, value) -> data.put(name, String.valueOf(value)));
    }
    return Collections.unmodifiableMap(data);
  }

  static StoredDeadline toStored(Document document) {
    return new StoredDeadline(
        keyOf(document),
        document.getDate(DUE_AT).toInstant(),
        dataOf(document),
        document.getDate(FIRES_AT).toInstant(),
        document.getString(TOKEN),
        document.getString(BUCKET),
        document.getInteger(ATTEMPTS, 0),
        document.getString(LAST_ERROR),
        document.getBoolean(PARKED, false));
  }

  private MongoCollection<Document> deadlines() {
    return mongo.getCollection(COLLECTION);
  }
}
