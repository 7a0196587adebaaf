package io.crossdesk.platform.deadline;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where the poller finds due deadlines without a range query: {@value #SHARDS} documents per kind
 * and minute, {@code _id} {@code kind|2026-12-01T21:35} (UTC) for the first and {@code
 * kind|2026-12-01T21:35|7} for the others, listing the deadlines that fire in that minute, and per
 * kind a cursor before which every bucket has been emptied. The poller reads the buckets from the
 * cursor up to now by {@code _id}, so the work per pass follows the backlog and the time since the
 * last pass, never the number of deadlines scheduled.
 *
 * <p>A deadline's shard follows from its id. The shards keep each document small: every add
 * rewrites its whole bucket, so one bucket per minute made a deadline cost more the more deadlines
 * fell in the same minute (about 1 ms of the store's CPU per add at 2,400 a minute, against 0.2 ms
 * spread over {@value #SHARDS}). The first shard's id is the unsharded id of earlier versions, so
 * their buckets are still read.
 *
 * <p>An entry is {@code token:deadlineId}, with a token new for every placement of the deadline in
 * a bucket (each schedule, each retry). It is live while the deadline's document carries that token
 * and names this bucket; otherwise it is stale (the deadline fired, moved or was cancelled) and the
 * poller pulls it.
 */
final class DeadlineBuckets {

  static final String COLLECTION = "deadline_buckets";
  static final String CURSORS = "deadline_cursors";
  static final String KEYS = "keys";
  static final String MINUTE = "minute";
  static final int SHARDS = 16;
  private static final DateTimeFormatter MINUTE_ID =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  /** One entry of a bucket. */
  record Entry(String token, String deadlineId, String raw) {

    static Entry of(String token, String deadlineId) {
      return new Entry(token, deadlineId, token + ":" + deadlineId);
    }

    static Entry parse(String raw) {
      int colon = raw.indexOf(':');
      return new Entry(raw.substring(0, colon), raw.substring(colon + 1), raw);
    }
  }

  private final MongoTemplate mongo;

  DeadlineBuckets(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  static Instant minuteOf(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The bucket of {@code minute} that holds the deadline's entries. */
  static String id(String kind, Instant minute, String deadlineId) {
    return shard(kind, minute, Math.floorMod(deadlineId.hashCode(), SHARDS));
  }

  /** Every bucket of {@code minute}. */
  static List<String> ids(String kind, Instant minute) {
    List<String> ids = new ArrayList<>(SHARDS);
    for (int shard = 0; shard < SHARDS; shard++) {
      ids.add(shard(kind, minute, shard));
    }
    return ids;
  }

  private static String shard(String kind, Instant minute, int shard) {
    String id = kind + "|" + MINUTE_ID.format(minute);
    return shard == 0 ? id : id + "|" + shard;
  }

  /** Adds the entry to its bucket of {@code minute}; returns that bucket's id. */
  String add(String kind, Instant minute, Entry entry) {
    String bucketId = id(kind, minute, entry.deadlineId());
    Bson update =
        Updates.combine(
            Updates.addToSet(KEYS, entry.raw()),
            Updates.setOnInsert("kind", kind),
            Updates.setOnInsert(MINUTE, Date.from(minute)));
    upsert(buckets(), Filters.eq("_id", bucketId), update);
    return bucketId;
  }

  /** The entries of these buckets, by bucket id; buckets that do not exist are left out. */
  Map<String, List<String>> load(Collection<String> bucketIds) {
    Map<String, List<String>> found = new HashMap<>();
    buckets()
        .find(Filters.in("_id", bucketIds))
        .forEach(bucket -> found.put(bucket.getString("_id"), bucket.getList(KEYS, String.class)));
    return found;
  }

  void pull(String bucketId, Collection<String> entries) {
    if (!entries.isEmpty()) {
      buckets().updateOne(Filters.eq("_id", bucketId), Updates.pullAll(KEYS, List.copyOf(entries)));
    }
  }

  /** Only when empty: an entry added since stays, and an add after the delete recreates it. */
  void deleteIfEmpty(String bucketId) {
    buckets().deleteOne(Filters.and(Filters.eq("_id", bucketId), Filters.size(KEYS, 0)));
  }

  /** The first minute of {@code kind} whose bucket may still hold entries; empty if none ever. */
  Optional<Instant> cursor(String kind) {
    Document cursor = cursors().find(Filters.eq("_id", kind)).first();
    return Optional.ofNullable(cursor).map(c -> c.getDate(MINUTE).toInstant());
  }

  /** Makes sure the cursor of {@code kind} is no later than {@code minute}. */
  void cursorNoLaterThan(String kind, Instant minute) {
    upsert(cursors(), Filters.eq("_id", kind), Updates.min(MINUTE, Date.from(minute)));
  }

  /** Moves the cursor of {@code kind} forward to {@code minute}; never backwards. */
  void advanceCursor(String kind, Instant minute) {
    cursors().updateOne(Filters.eq("_id", kind), Updates.max(MINUTE, Date.from(minute)));
  }

  /**
   * Two upserts of a new document may race to insert it; the loser updates what the winner made.
   */
  private static void upsert(MongoCollection<Document> collection, Bson filter, Bson update) {
    try {
      collection.updateOne(filter, update, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      collection.updateOne(filter, update);
    }
  }

  private MongoCollection<Document> buckets() {
    return mongo.getCollection(COLLECTION);
  }

  private MongoCollection<Document> cursors() {
    return mongo.getCollection(CURSORS);
  }
}
