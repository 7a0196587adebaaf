package io.crossdesk.notification.log.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.crossdesk.notification.log.domain.Channel;
import io.crossdesk.notification.log.domain.StaffPreferences;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Staff's notification preferences, one document per user, with the messages waiting for their next
 * digest (at most {@value #PENDING_KEPT}, the newest).
 */
@Component
public class StaffPreferencesStore {

  static final String COLLECTION = "staff_preferences";
  private static final String DIGESTED = "digested";
  static final int PENDING_KEPT = 200;

  private final MongoTemplate mongo;

  StaffPreferencesStore(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Saves the preferences; the messages waiting for a digest stay. */
  public void save(StaffPreferences preferences) {
    Document fields =
        new Document("channels", preferences.channels().stream().map(Enum::name).sorted().toList());
    fields.append("email", preferences.email()).append("phone", preferences.phone());
    fields.append("digest", preferences.digest());
    fields.append("digestAt", preferences.digestAt().toString());
    fields.append("zone", preferences.zone().getId());
    mongo
        .getCollection(COLLECTION)
        .updateOne(
            Filters.eq("_id", preferences.user()),
            new Document("$set", fields),
            new UpdateOptions().upsert(true));
  }

  public Optional<StaffPreferences> find(String user) {
    return Optional.ofNullable(findAll(List.of(user)).get(user));
  }

  /** The stated preferences among {@code users}, by user, in one look-up. */
  public Map<String, StaffPreferences> findAll(Collection<String> users) {
    Map<String, StaffPreferences> found = new HashMap<>();
    mongo
        .getCollection(COLLECTION)
        .find(Filters.in("_id", new HashSet<>(users)))
        .forEach(stored -> found.put(stored.getString("_id"), read(stored)));
    return found;
  }

  /** Keeps one message for the user's next digest. */
  public void addToDigest(String user, String id, Instant at, String subject) {
    // Once: a message gathered again (its event delivered again) is neither waiting twice nor
    // sent again after the digest that carried it. The collection holds one document per member
    // of staff, so the filter's scan on the embedded server reads few.
    mongo
        .getCollection(COLLECTION)
        .updateOne(
            Filters.and(
                Filters.eq("_id", user), Filters.ne("pending.id", id), Filters.ne(DIGESTED, id)),
            new Document(
                "$push",
                new Document(
                    "pending",
                    new Document(
                            "$each",
                            List.of(
                                new Document("id", id)
                                    .append("at", Date.from(at))
                                    .append("subject", subject)))
                        .append("$slice", -PENDING_KEPT))));
  }

  /**
   * What the user's next digest gathers, read in one look-up: the preferences, the messages waiting
   * (oldest first, each once: a message gathered again, when its event was delivered again, shows
   * once) and when the last digest went out (empty before the first).
   */
  public Optional<DigestState> digestState(String user) {
    Document stored = mongo.getCollection(COLLECTION).find(Filters.eq("_id", user)).first();
    if (stored == null) {
      return Optional.empty();
    }
    Map<String, PendingItem> items = new LinkedHashMap<>();
    for (Document item : stored.getList("pending", Document.class, List.of())) {
      items.putIfAbsent(
          item.getString("id"),
          new PendingItem(
              item.getString("id"), item.getDate("at").toInstant(), item.getString("subject")));
    }
    Date last = stored.getDate("lastDigestAt");
    return Optional.of(
        new DigestState(
            read(stored),
            new ArrayList<>(items.values()),
            Optional.ofNullable(last).map(Date::toInstant)));
  }

  /**
   * Drops the messages a digest up to {@code cutoff} gathered, and remembers them, so that one
   * gathered again is not sent again in the next.
   */
  public void digested(String user, Instant cutoff, List<String> ids) {
    mongo
        .getCollection(COLLECTION)
        .updateOne(
            Filters.eq("_id", user),
            Updates.combine(
                Updates.pull("pending", Filters.in("id", ids)),
                Updates.set(DIGESTED, ids),
                Updates.set("lastDigestAt", Date.from(cutoff))));
  }

  private static StaffPreferences read(Document stored) {
    EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
    stored
        .getList("channels", String.class, List.of())
        .forEach(c -> channels.add(Channel.valueOf(c)));
    String digestAt = stored.getString("digestAt");
    String zone = stored.getString("zone");
    return new StaffPreferences(
        stored.getString("_id"),
        channels,
        stored.getString("email"),
        stored.getString("phone"),
        Boolean.TRUE.equals(stored.getBoolean("digest")),
        digestAt == null ? null : LocalTime.parse(digestAt),
        zone == null ? null : ZoneId.of(zone));
  }

  /** A user's preferences with the messages waiting for their digest. */
  public record DigestState(
      StaffPreferences preferences, List<PendingItem> pending, Optional<Instant> lastDigestAt) {}

  /** One message waiting for a digest. */
  public record PendingItem(String id, Instant at, String subject) {}
}
