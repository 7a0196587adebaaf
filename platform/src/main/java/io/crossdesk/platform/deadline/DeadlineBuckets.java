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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where the poller finds due deadlines without a range query: per kind and minute a bucket, {@code
 * _id} {@code kind|2026-12-01T21:35} (UTC), listing the deadlines that fire in that minute, and per
 * kind a cursor before which every bucket has been emptied. The poller reads the buckets from the
 * cursor up to now by {@code _id}, so the work per pass follows the backlog and the time since the
 * last pass, never the number of deadlines scheduled.
 *
 * <p>A bucket holds at most {@link #pageSize} entries from each writer (each instance's {@link
 * Deadlines}); a writer that has put that many there goes on in pages of its own, {@code
 * kind|2026-12-01T21:35|<writer>-<n>}, of the same size, each listed in the bucket's {@code pages}
 * before anything is added to it. Every add rewrites its whole document in the store, and due times
 * gather in one minute whenever a calendar pushes them to the start of the next working day: over a
 * weekend every step escalation of a desk falls due in the same minute of Monday morning. So one
 * document per minute made every schedule dearer the more were already scheduled for that minute
 * (and would pass MongoDB's 16 MB limit somewhere above 150,000), where pages keep each add's cost
 * the same.
 *
 * <p>An entry is {@code token:deadlineId}, with a token new for every placement of the deadline in
 * a bucket or page (each schedule, each retry). It is live while the deadline's document carries
 * that token and names the document holding the entry; otherwise it is stale (the deadline fired,
 * moved or was cancelled) and the poller pulls it.
 */
final class DeadlineBuckets {

  static final String COLLECTION = "deadline_buckets";
  static final String CURSORS = "deadline_cursors";
  static final String KEYS = "keys";
  static final String PAGES = "pages";
  static final String MINUTE = "minute";
  static final int PAGE_SIZE = 200;
  private static final int PLACEMENTS_KEPT = 1_024;
  private static final DateTimeFormatter MINUTE_ID =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  /** One entry of a bucket or page. */
  record Entry(String token, String deadlineId, String raw) {

    static Entry of(String token, String deadlineId) {
      return new Entry(token, deadlineId, token + ":" + deadlineId);
    }

    static Entry parse(String raw) {
      int colon = raw.indexOf(':');
      return new Entry(raw.substring(0, colon), raw.substring(colon + 1), raw);
    }
  }

  /** A minute's bucket as read: its own entries and the pages it lists. */
  record Bucket(String id, List<String> keys, List<String> pages) {}

  /** Where this writer adds to a minute, and how many it added there. */
  private static final class Placement {
    final String documentId;
    int added;

    Placement(String documentId) {
      this.documentId = documentId;
    }
  }

  private final MongoTemplate mongo;
  private final int pageSize;
  private final String writer = new ObjectId().toHexString();
  private long pagesOpened;

  /** By bucket id, the minutes this writer added to lately. */
  private final Map<String, Placement> placements =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Placement> eldest) {
          return size() > PLACEMENTS_KEPT;
        }
      };

  DeadlineBuckets(MongoTemplate mongo) {
    this(mongo, PAGE_SIZE);
  }

  DeadlineBuckets(MongoTemplate mongo, int pageSize) {
    this.mongo = mongo;
    this.pageSize = pageSize;
  }

  static Instant minuteOf(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MINUTES);
  }

  static String id(String kind, Instant minute) {
    return kind + "|" + MINUTE_ID.format(minute);
  }

  /**
   * Adds the entry to the minute's bucket, or to this writer's page of it; returns the id of the
   * document that holds it. A new page is listed in the bucket before its first entry, so the
   * poller finds every page that holds one.
   */
  String add(String kind, Instant minute, Entry entry) {
    String bucketId = id(kind, minute);
    String documentId;
    synchronized (placements) {
      Placement placement = placements.computeIfAbsent(bucketId, Placement::new);
      if (placement.added >= pageSize) {
        String page = bucketId + "|" + writer + "-" + ++pagesOpened;
        upsert(
            buckets(),
            Filters.eq("_id", bucketId),
            Updates.combine(
                Updates.addToSet(PAGES, page),
                Updates.setOnInsert(KEYS, List.of()),
                Updates.setOnInsert("kind", kind),
                Updates.setOnInsert(MINUTE, Date.from(minute))));
        placement = new Placement(page);
        placements.put(bucketId, placement);
      }
      placement.added++;
      documentId = placement.documentId;
    }
    Bson update =
        Updates.combine(
            Updates.addToSet(KEYS, entry.raw()),
            Updates.setOnInsert("kind", kind),
            Updates.setOnInsert(MINUTE, Date.from(minute)));
    upsert(buckets(), Filters.eq("_id", documentId), update);
    return documentId;
  }

  /** These buckets, by id; buckets that do not exist are left out. */
  Map<String, Bucket> buckets(Collection<String> bucketIds) {
    Map<String, Bucket> found = new HashMap<>();
    buckets()
        .find(Filters.in("_id", bucketIds))
        .forEach(
            bucket -> {
              String id = bucket.getString("_id");
              found.put(
                  id,
                  new Bucket(
                      id,
                      bucket.getList(KEYS, String.class, List.of()),
                      bucket.getList(PAGES, String.class, List.of())));
            });
    return found;
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

  /**
   * Only when empty and listing no pages: an entry or page added since stays, and an add after the
   * delete recreates it.
   */
  void deleteIfEmpty(String bucketId) {
    buckets()
        .deleteOne(
            Filters.and(
                Filters.eq("_id", bucketId), Filters.size(KEYS, 0), Filters.exists(PAGES, false)));
  }

  /**
   * Deletes a settled minute's bucket and pages, once every entry is pulled: no writer adds to a
   * settled minute, so nothing can come after.
   */
  void deleteSettled(String bucketId, Collection<String> pages) {
    List<String> ids = new ArrayList<>(pages);
    ids.add(bucketId);
    buckets().deleteMany(Filters.in("_id", ids));
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
