package io.crossdesk.notification.feed.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.crossdesk.notification.feed.domain.Feed;
import io.crossdesk.notification.feed.domain.FeedEntry;
import io.crossdesk.notification.log.domain.FeedWriter;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.platform.aggregate.ConcurrentChangeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The in-app feeds, one document per recipient keyed by the feed's name: a feed is read, appended
 * to and marked read by its {@code _id} only, however large the notification log grows. Appends
 * push without reading; marking read replaces the document if its version is still the one read
 * (every append raises it), and is decided again on the fresh feed otherwise.
 */
@Component
public class FeedStore implements FeedWriter {

  static final String COLLECTION = "feeds";
  private static final int ATTEMPTS = 5;

  private final MongoTemplate mongo;

  FeedStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Appends the messages to their feeds in one bulk write, without reading them: one push per feed,
   * which keeps the newest {@value Feed#KEPT}. A message appended again shows once (see {@link
   * Feed}).
   */
  @Override
  public void append(List<Notification> messages) {
    Map<String, List<Document>> byFeed = new LinkedHashMap<>();
    for (Notification message : messages) {
      byFeed
          .computeIfAbsent(message.recipient(), feed -> new ArrayList<>())
          .add(
              entry(
                  new FeedEntry(
                      message.id(),
                      message.kind(),
                      message.ticketId(),
                      message.subject(),
                      message.body(),
                      message.createdAt(),
                      false)));
    }
    if (byFeed.isEmpty()) {
      return;
    }
    BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
    byFeed.forEach(
        (name, entries) ->
            bulk.upsert(
                Query.query(Criteria.where("_id").is(name)),
                new Update()
                    .push("entries")
                    .slice(-Feed.KEPT)
                    .each(entries.toArray())
                    .inc("version", 1)));
    bulk.execute();
  }

  public Map<String, Feed> findAll(Collection<String> names) {
    Map<String, Feed> found = new HashMap<>();
    feeds()
        .find(Filters.in("_id", new HashSet<>(names)))
        .forEach(document -> found.put(document.getString("_id"), read(document)));
    return found;
  }

  /** Changes one feed, deciding again when another writer got there first. */
  public Feed change(String name, UnaryOperator<Feed> decide) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Feed before = findAll(List.of(name)).getOrDefault(name, Feed.empty(name));
      Feed after = decide.apply(before);
      if (after.equals(before) || write(before, after)) {
        return new Feed(name, after.entries(), before.version() + 1);
      }
    }
    throw new ConcurrentChangeException(COLLECTION, name, ATTEMPTS);
  }

  private boolean write(Feed before, Feed after) {
    Document document = document(after, before.version() + 1);
    try {
      if (before.version() == 0) {
        feeds().insertOne(document);
        return true;
      }
      return feeds()
              .replaceOne(
                  Filters.and(
                      Filters.eq("_id", before.name()), Filters.eq("version", before.version())),
                  document,
                  new ReplaceOptions())
              .getMatchedCount()
          == 1;
    } catch (MongoWriteException refused) {
      if (refused.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false; // another writer created the feed first
      }
      throw refused;
    }
  }

  private MongoCollection<Document> feeds() {
    return mongo.getCollection(COLLECTION);
  }

  private static Document document(Feed feed, long version) {
    List<Document> entries = new ArrayList<>();
    // Stored oldest first, as appends leave them.
    for (int i = feed.entries().size() - 1; i >= 0; i--) {
      entries.add(entry(feed.entries().get(i)));
    }
    return new Document("_id", feed.name()).append("entries", entries).append("version", version);
  }

  private static Document entry(FeedEntry entry) {
    Document stored = new Document("id", entry.id()).append("kind", entry.kind());
    stored.append("ticketId", entry.ticketId()).append("subject", entry.subject());
    stored.append("body", entry.body()).append("at", Date.from(entry.at()));
    return stored.append("read", entry.read());
  }

  private static Feed read(Document stored) {
    List<FeedEntry> entries = new ArrayList<>();
    for (Document entry : stored.getList("entries", Document.class, List.of())) {
      entries.add(
          new FeedEntry(
              entry.getString("id"),
              entry.getString("kind"),
              entry.getString("ticketId"),
              entry.getString("subject"),
              entry.getString("body"),
              entry.getDate("at").toInstant(),
              Boolean.TRUE.equals(entry.getBoolean("read"))));
    }
    return new Feed(
        stored.getString("_id"), entries, stored.get("version", Number.class).longValue());
  }
}
