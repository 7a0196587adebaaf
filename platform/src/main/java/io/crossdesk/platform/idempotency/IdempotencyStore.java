package io.crossdesk.platform.idempotency;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One record per scoped key, found by {@code _id}. A request claims its key by inserting a
 * "started" record: the unique {@code _id} lets exactly one of any number of concurrent requests,
 * on any instance, win. The winner replaces the record with its answer, or deletes it so that the
 * client may try again. Each claim carries a token, and the winner changes the record only while
 * its token is still there: a request that was given up on (see {@code inProgressTimeout}) cannot
 * overwrite the answer of the one that took its key over.
 */
public class IdempotencyStore {

  static final String COLLECTION = "idempotency_keys";
  static final String CREATED_AT = "createdAt";
  private static final String CLAIM = "claim";
  private static final String FINGERPRINT = "fingerprint";
  private static final String ANSWER = "answer";
  private static final int ATTEMPTS = 3;

  private final MongoTemplate mongo;
  private final Duration retention;
  private final Duration inProgressTimeout;
  private final Clock clock;

  public IdempotencyStore(
      MongoTemplate mongo, Duration retention, Duration inProgressTimeout, Clock clock) {
    this.mongo = mongo;
    this.retention = retention;
    this.inProgressTimeout = inProgressTimeout;
    this.clock = clock;
  }

  /** What a request with this key may do. */
  sealed interface Claim {}

  /** The request is the first with its key and runs; it must then complete or release. */
  record Claimed(String id, String token) implements Claim {}

  /** The same request was answered before: answer that again. */
  record Replay(StoredAnswer answer) implements Claim {}

  /** The same key came with another request. */
  record Reused() implements Claim {}

  /** The first request with the key is still running. */
  record InProgress() implements Claim {}

  Claim claim(String id, String fingerprint) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      String token = UUID.randomUUID().toString();
      Document started =
          new Document("_id", id)
              .append(CLAIM, token)
              .append(FINGERPRINT, fingerprint)
              .append(CREATED_AT, Date.from(now));
      try {
        mongo.insert(started, COLLECTION);
        return new Claimed(id, token);
      } catch (DuplicateKeyException taken) {
        // Someone had the key first: what they did decides.
      }
      Document existing = collection().find(Filters.eq("_id", id)).first();
      if (existing == null) {
        continue; // released in the meantime
      }
      Instant createdAt = existing.getDate(CREATED_AT).toInstant();
      boolean expired = !createdAt.isAfter(now.minus(retention));
      if (!expired && !fingerprint.equals(existing.getString(FINGERPRINT))) {
        return new Reused();
      }
      if (!expired && existing.containsKey(ANSWER)) {
        return new Replay(StoredAnswer.of(existing.get(ANSWER, Document.class)));
      }
      boolean abandoned = !createdAt.isAfter(now.minus(inProgressTimeout));
      if (!expired && !abandoned) {
        return new InProgress();
      }
      // Kept past its retention (the purge has not run yet), or its request never finished.
      if (collection().replaceOne(owned(id, existing.getString(CLAIM)), started).getMatchedCount()
          == 1) {
        return new Claimed(id, token);
      }
    }
    return new InProgress();
  }

  /** Keeps the answer of a claimed request for its retries, until the key's retention ends. */
  void complete(Claimed claimed, StoredAnswer answer) {
    collection()
        .updateOne(owned(claimed.id(), claimed.token()), Updates.set(ANSWER, answer.asDocument()));
  }

  /** Frees the key of a claimed request that failed, so that a retry runs again. */
  void release(Claimed claimed) {
    collection().deleteOne(owned(claimed.id(), claimed.token()));
  }

  private static Bson owned(String id, String token) {
    return Filters.and(Filters.eq("_id", id), Filters.eq(CLAIM, token));
  }

  private MongoCollection<Document> collection() {
    return mongo.getCollection(COLLECTION);
  }
}
